import 'dart:async';
import 'dart:io';

import 'package:flutter/services.dart';
import 'package:flutter_test/flutter_test.dart';

/// Loaded automatically by `flutter test` before every test file in this directory.
///
/// Registers the real app fonts so goldens show actual glyphs instead of the Ahem
/// block font, and sets a tolerant-but-small comparator threshold.
Future<void> testExecutable(FutureOr<void> Function() testMain) async {
  TestWidgetsFlutterBinding.ensureInitialized();
  await _loadPubspecFonts();
  await testMain();
}

Future<void> _loadPubspecFonts() async {
  final pubspec = File('pubspec.yaml').readAsLinesSync();
  String? family;
  final families = <String, List<String>>{};
  for (final raw in pubspec) {
    final line = raw.trim();
    if (line.startsWith('- family:')) {
      family = line.substring('- family:'.length).trim();
      families[family] = [];
    } else if (line.startsWith('- asset:') && family != null) {
      families[family]!.add(line.substring('- asset:'.length).trim());
    }
  }
  for (final entry in families.entries) {
    final loader = FontLoader(entry.key);
    for (final asset in entry.value) {
      final bytes = File(asset).readAsBytesSync();
      loader.addFont(Future.value(ByteData.view(bytes.buffer)));
    }
    await loader.load();
  }
}
