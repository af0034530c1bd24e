extension MotoServer {
    /// Runs moto_server under a small Python supervisor (unblocking the signals the Swift test
    /// process leaves blocked in its children) that stops it when the test process
    /// is gone (the supervisor's parent changes) or when the supervisor gets SIGTERM. Without
    /// it, a test process killed by a timeout would leave moto running.
    static let supervisorScript = """
    import os, signal, subprocess, sys, time
    # The Swift test process spawns children with most signals blocked; unblock them so
    # SIGTERM reaches this supervisor and, through it, moto.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parent = os.getppid()
    child = subprocess.Popen(sys.argv[1:])
    stopping = False
    def request_stop(*_):
        global stopping
        stopping = True
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    while child.poll() is None:
        if stopping or os.getppid() != parent:
            child.terminate()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            break
        time.sleep(0.1)
    sys.exit(0)
    """
}
