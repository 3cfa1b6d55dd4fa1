# frozen_string_literal: true

require "yaml"
require "date"
require "fileutils"
require "prawn"
require_relative "epc_qr"

module LessonInvoice
  HOME = File.expand_path("~/.lesson-invoices")

  module_function

  def teacher
    YAML.safe_load_file(File.join(HOME, "teacher.yml"))
  end

  def next_number(year)
    path = File.join(HOME, "counter.yml")
    counters = File.exist?(path) ? YAML.safe_load_file(path) : {}
    counters[year.to_s] = counters.fetch(year.to_s, 0) + 1
    File.write(path, counters.to_yaml)
    format("%d-%04d", year, counters[year.to_s])
  end

  def line_amount(student, lesson)
    if student["rate_per_hour"]
      (student["rate_per_hour"] * lesson["minutes"] / 60.0).round(2)
    else
      student["rate"].to_f
    end
  end

  def build(log_path, month, out_dir)
    log = YAML.safe_load_file(log_path, permitted_classes: [Date])
    t = teacher
    first = Date.parse("#{month}-01")
    by_student = log["lessons"].select { |l| l["date"].strftime("%Y-%m") == month }.group_by { |l| l["student"] }
    FileUtils.mkdir_p(File.join(out_dir, month))
    by_student.map do |sid, lessons|
      st = log["students"].fetch(sid)
      lines = lessons.map { |l| [l["date"].to_s, "#{l['minutes']} min #{l['note']}".strip, line_amount(st, l)] }
      total = lines.sum { |x| x[2] }.round(2)
      no = next_number(first.year)
      file = File.join(out_dir, month, "INV-#{month}-#{sid}.pdf")
      qr = EpcQr.png(teacher: t, amount: total, invoice_no: "INV #{no}")
      Prawn::Document.generate(file) do |pdf|
        pdf.text t["name"], size: 16, style: :bold
        pdf.text t["address"]
        pdf.move_down 20
        pdf.text "Invoice #{no}  ·  #{first.strftime('%B %Y')}"
        pdf.text "To: #{st['payer'] || st['name']} (lessons for #{st['name']})"
        pdf.move_down 10
        pdf.table([%w[Date Lesson Amount]] + lines.map { |d, s, a| [d, s, format('%.2f €', a)] }) rescue lines.each { |d, s, a| pdf.text "#{d}  #{s}  #{format('%.2f €', a)}" }
        pdf.move_down 10
        pdf.text "Total: #{format('%.2f €', total)}", style: :bold
        pdf.text "IBAN #{t['iban']}  BIC #{t['bic']}"
        pdf.text t["vat_exempt_note"].to_s, size: 8
        pdf.image StringIO.new(qr.to_s), width: 110
        pdf.text "Scan with your banking app to pay", size: 8
      end
      { student: st["name"], invoice: no, total: total, file: file }
    end
  end
end
