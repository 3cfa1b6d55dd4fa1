# frozen_string_literal: true

require Rails.root.join("lib/deliverability/headers")
require Rails.root.join("lib/deliverability/seed_interceptor")

Rails.application.config.to_prepare do
  cfg = Rails.application.config_for(:deliverability).deep_symbolize_keys

  ActionMailer::Base.register_interceptor(Deliverability::Headers.new(cfg))

  placement = cfg[:placement] || {}
  if placement[:enabled]
    ActionMailer::Base.register_interceptor(Deliverability::SeedInterceptor.new(placement))
  end
end
