# frozen_string_literal: true

require "rubocop"
require "rubocop/rspec/support"
require_relative "../lib/rubocop/cop/security_ext/dynamic_dispatch_from_params"

RSpec.describe RuboCop::Cop::SecurityExt::DynamicDispatchFromParams, :config do
  let(:cop_config) { { "AllowedReceivers" => ["Reports::Registry"] } }

  it "flags public_send with params" do
    expect_offense(<<~RUBY)
      report.public_send(params[:format])
             ^^^^^^^^^^^ Avoid `public_send` with a method name derived from `params`: it allows arbitrary method invocation. Map allowed values explicitly.
    RUBY
  end

  it "flags send with interpolated params" do
    expect_offense(<<~RUBY)
      record.send("\#{params[:field]}=", value)
             ^^^^ Avoid `send` with a method name derived from `params`: it allows arbitrary method invocation. Map allowed values explicitly.
    RUBY
  end

  it "flags safe-navigation dispatch" do
    expect_offense(<<~RUBY)
      user&.public_send(request.params[:attr])
            ^^^^^^^^^^^ Avoid `public_send` with a method name derived from `params`: it allows arbitrary method invocation. Map allowed values explicitly.
    RUBY
  end

  it "accepts literal method names" do
    expect_no_offenses("report.public_send(:to_csv)")
  end

  it "accepts lookups through an allow-list hash" do
    expect_no_offenses("report.public_send(FORMATS.fetch(format_param))")
  end

  it "accepts allowed receivers" do
    expect_no_offenses("Reports::Registry.public_send(params[:name])")
  end
end
