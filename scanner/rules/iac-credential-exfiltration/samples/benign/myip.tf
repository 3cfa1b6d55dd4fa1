data "http" "my_ip" {
  url = "https://checkip.amazonaws.com"
}

resource "aws_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = file(pathexpand("~/.ssh/id_ed25519.pub"))
}

resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["${chomp(data.http.my_ip.response_body)}/32"]
}
