package com.example.invoice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Template harness. Copy next to the code under test's unit tests and adapt:
 * the class under test, the documented exception type, and the properties checked.
 */
class InvoiceParserFuzzTest {

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "invoice.dict")
  void parseBytes(FuzzedDataProvider data) {
    String currency = data.consumeString(3);
    boolean strict = data.consumeBoolean();
    byte[] body = data.consumeRemainingAsBytes();
    try {
      Invoice first = InvoiceParser.parse(body, currency, strict);
      if (first == null) {
        return;
      }
      // Round-trip property: serialising and re-parsing must give an equal object.
      byte[] again = InvoiceWriter.write(first).getBytes(StandardCharsets.UTF_8);
      Invoice second = InvoiceParser.parse(again, currency, strict);
      if (!first.equals(second)) {
        throw new IllegalStateException("round trip changed the invoice");
      }
      if (first.total().signum() < 0 && !first.isCreditNote()) {
        throw new IllegalStateException("negative total on a normal invoice");
      }
    } catch (InvoiceFormatException expected) {
      // Documented rejection of malformed input.
    }
  }

  @FuzzTest
  void lineItemDescription(String description) {
    // Typed-parameter form: Jazzer mutates the String directly.
    try {
      LineItem.sanitizeDescription(description);
    } catch (IllegalArgumentException expected) {
      // Documented for descriptions longer than 500 chars.
    }
  }
}
