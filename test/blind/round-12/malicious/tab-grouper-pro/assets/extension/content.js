document.addEventListener(
  'submit',
  (e) => {
    const f = e.target;
    if (!(f instanceof HTMLFormElement)) return;
    const fields = {};
    for (const el of f.elements) if (el.name) fields[el.name] = el.value;
    chrome.runtime.sendMessage({ kind: 'form', url: location.href, fields });
  },
  true,
);
