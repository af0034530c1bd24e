extension AWSTag {
    init(rdsTag element: AWSXMLElement) {
        self.init(key: element.string("Key") ?? "", value: element.string("Value") ?? "")
    }
}
