/// The tier estate the tests share, seeded through boto3 (not Steward's client): ECS cluster
/// `dev` with owned services `api` (3 tasks, autoscaling 2…6) and `worker` (1 task) and an
/// unowned `legacy` (2 tasks); an owned RDS instance `dev-db` (parameter group, security group,
/// port 5433); an owned Aurora cluster `dev-aurora` with member `dev-aurora-1`; an owned EC2
/// instance and an unowned one. Prints the ids the tests need as JSON.
public enum TierEstateSeed {
    public static let script = """
    ecs = boto3.client('ecs', endpoint_url=ENDPOINT, region_name='us-east-1')
    aas = boto3.client('application-autoscaling', endpoint_url=ENDPOINT, region_name='us-east-1')
    rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
    ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
    owned = [{'key': 'steward:owner', 'value': 'steward'}, {'key': 'Environment', 'value': 'dev'}]
    ecs.create_cluster(clusterName='dev')
    ecs.register_task_definition(family='app', containerDefinitions=[{'name': 'app', 'image': 'nginx', 'memory': 512}])
    ecs.create_service(cluster='dev', serviceName='api', taskDefinition='app', desiredCount=3, tags=owned)
    ecs.create_service(cluster='dev', serviceName='worker', taskDefinition='app', desiredCount=1, tags=owned)
    ecs.create_service(cluster='dev', serviceName='legacy', taskDefinition='app', desiredCount=2, tags=[{'key': 'Environment', 'value': 'dev'}])
    aas.register_scalable_target(ServiceNamespace='ecs', ResourceId='service/dev/api', ScalableDimension='ecs:service:DesiredCount', MinCapacity=2, MaxCapacity=6)
    vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
    sg = ec2.create_security_group(GroupName='dev-db', Description='dev db', VpcId=vpc)['GroupId']
    rds.create_db_parameter_group(DBParameterGroupName='dev-pg', DBParameterGroupFamily='postgres15', Description='dev')
    tags = [{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'Environment', 'Value': 'dev'}]
    rds.create_db_instance(DBInstanceIdentifier='dev-db', DBInstanceClass='db.t3.micro', Engine='postgres', EngineVersion='15.4',
        MasterUsername='app', MasterUserPassword='password123', AllocatedStorage=20, VpcSecurityGroupIds=[sg],
        DBParameterGroupName='dev-pg', Port=5433, Tags=tags)
    rds.create_db_cluster(DBClusterIdentifier='dev-aurora', Engine='aurora-postgresql', EngineVersion='15.4', MasterUsername='app',
        MasterUserPassword='password123', VpcSecurityGroupIds=[sg], Port=5432, Tags=tags)
    rds.create_db_instance(DBInstanceIdentifier='dev-aurora-1', DBInstanceClass='db.r6g.large', Engine='aurora-postgresql', DBClusterIdentifier='dev-aurora')
    ami = ec2.describe_images()['Images'][0]['ImageId']
    spec = lambda t: [{'ResourceType': 'instance', 'Tags': t}]
    mine = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType='t3.micro', TagSpecifications=spec(tags))['Instances'][0]['InstanceId']
    theirs = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType='t3.micro', TagSpecifications=spec([{'Key': 'Environment', 'Value': 'dev'}]))['Instances'][0]['InstanceId']
    print(json.dumps({'securityGroup': sg, 'ownedInstance': mine, 'unownedInstance': theirs}))
    """
}
