#include <Arduino.h>

#ifndef LED_BUILTIN
#define LED_BUILTIN 2
#endif

static uint32_t lastToggle = 0;
static bool ledOn = false;

void setup() {
  pinMode(LED_BUILTIN, OUTPUT);
  Serial.begin(115200);
  uint32_t start = millis();
  while (!Serial && millis() - start < 3000) {
    delay(10);  // native-USB boards: wait briefly for the host to open the port
  }
  Serial.println();
  Serial.println("platformio-board-setup: hello");
}

void loop() {
  if (millis() - lastToggle >= 500) {
    lastToggle = millis();
    ledOn = !ledOn;
    digitalWrite(LED_BUILTIN, ledOn ? HIGH : LOW);
    Serial.printf("uptime %lu ms, led %s\n", (unsigned long)millis(), ledOn ? "on" : "off");
  }
}
