import Testing
@testable import StewardSlack
