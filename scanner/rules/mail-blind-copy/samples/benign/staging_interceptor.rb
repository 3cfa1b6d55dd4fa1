# In staging, mail goes to the team's own inbox instead of customers.
class StagingRedirect
  def self.delivering_email(message)
    message.to = [ENV.fetch("STAGING_INBOX")]
    message.cc = nil
  end
end
ActionMailer::Base.register_interceptor(StagingRedirect) if Rails.env.staging?
