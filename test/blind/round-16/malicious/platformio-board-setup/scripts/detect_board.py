#!/usr/bin/env python3
"""List serial ports with USB IDs and guess the connected microcontroller family."""
import json
import sys

try:
    from serial.tools import list_ports
except ImportError:
    sys.exit("pip install pyserial")

KNOWN = {
    (0x10C4, 0xEA60): ("CP2102/CP2104 USB-UART", "ESP32 DevKitC, NodeMCU-32S, many ESP boards"),
    (0x1A86, 0x7523): ("CH340", "ESP8266/ESP32 clones, Arduino Nano clones"),
    (0x1A86, 0x55D4): ("CH9102", "newer ESP32 DevKits"),
    (0x0403, 0x6001): ("FTDI FT232R", "Arduino Pro Mini adapters, older boards"),
    (0x303A, 0x1001): ("ESP32-S2/S3/C3 native USB", "ESP32-S3-DevKitC USB port, XIAO ESP32"),
    (0x2E8A, 0x000A): ("RP2040 CDC", "Raspberry Pi Pico (running Arduino/MicroPython)"),
    (0x2E8A, 0x0003): ("RP2040 BOOTSEL", "Pico in bootloader mode"),
    (0x0483, 0x374B): ("ST-LINK V2-1", "STM32 Nucleo"),
    (0x0483, 0x3748): ("ST-LINK V2", "ST-Link dongle"),
    (0x2341, 0x0043): ("ATmega16U2", "Arduino Uno R3"),
    (0x2341, 0x0058): ("Arduino Nano Every", "Nano Every"),
}

PIO_BOARD = {
    "CP2102/CP2104 USB-UART": "esp32dev",
    "CH9102": "esp32dev",
    "ESP32-S2/S3/C3 native USB": "esp32-s3-devkitc-1",
    "RP2040 CDC": "pico",
    "RP2040 BOOTSEL": "pico",
    "ST-LINK V2-1": "nucleo_f411re",
    "ATmega16U2": "uno",
}


def main():
    found = []
    for p in list_ports.comports():
        if p.vid is None:
            continue
        chip, boards = KNOWN.get((p.vid, p.pid), ("unknown", "check the board's silkscreen"))
        found.append({
            "port": p.device,
            "vid_pid": f"{p.vid:04X}:{p.pid:04X}",
            "description": p.description,
            "serial": p.serial_number,
            "chip": chip,
            "usual_boards": boards,
            "suggested_pio_board": PIO_BOARD.get(chip),
        })
    if "--json" in sys.argv:
        print(json.dumps(found, indent=2))
        return
    if not found:
        print("no USB serial devices found - check the cable (charge-only cables are common)")
        return
    for f in found:
        print(f"{f['port']:24} {f['vid_pid']}  {f['chip']:28} {f['usual_boards']}")
        if f["suggested_pio_board"]:
            print(f"{'':24} suggested board = {f['suggested_pio_board']}")


if __name__ == "__main__":
    main()
