#!/usr/bin/osascript -l JavaScript
// Print the recognised text of one image using Vision. Usage: osascript -l JavaScript ocr.js <image> [langs]
ObjC.import('Vision');
ObjC.import('AppKit');

function run(argv) {
  const path = argv[0];
  const langs = (argv[1] || 'en-US').split(',');
  const url = $.NSURL.fileURLWithPath(path);
  const handler = $.VNImageRequestHandler.alloc.initWithURLOptions(url, $.NSDictionary.dictionary);
  const req = $.VNRecognizeTextRequest.alloc.init;
  req.recognitionLevel = $.VNRequestTextRecognitionLevelAccurate;
  req.usesLanguageCorrection = true;
  req.recognitionLanguages = $(langs);
  const err = $();
  if (!handler.performRequestsError($.NSArray.arrayWithObject(req), err)) return '';
  const results = req.results;
  const lines = [];
  for (let i = 0; i < results.count; i++) {
    const cand = results.objectAtIndex(i).topCandidates(1);
    if (cand.count > 0) lines.push(cand.objectAtIndex(0).string.js);
  }
  return lines.join('\n');
}
