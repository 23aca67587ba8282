// Small DOM helpers. Everything TaskRouter or a caller supplied goes in as text (textContent), never as markup.

/** A fresh copy of a <template>'s first element. */
export function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/**
 * Brings a list's children in line with items, keyed, reusing the elements it already has so that an update does
 * not move the page, drop the focus, or reset a half-chosen select.
 */
export function syncList(list, items, keyOf, create, update) {
  const existing = new Map([...list.children].map((element) => [element.dataset.key, element]));
  let previous = null;
  for (const item of items) {
    const key = keyOf(item);
    let element = existing.get(key);
    if (element) {
      existing.delete(key);
    } else {
      element = create(item);
      element.dataset.key = key;
    }
    update(element, item);
    const expected = previous ? previous.nextElementSibling : list.firstElementChild;
    if (element !== expected) {
      list.insertBefore(element, expected);
    }
    previous = element;
  }
  for (const element of existing.values()) {
    element.remove();
  }
}

export function setText(root, selector, text) {
  const element = root.querySelector(selector);
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

/**
 * Fills a select with options, keeping the user's choice when the options did not change.
 * @param {{value: string, label: string}[]} options
 */
export function fillSelect(select, options, preferred) {
  const signature = JSON.stringify(options);
  if (select.dataset.options === signature) {
    return;
  }
  const kept = select.dataset.options ? select.value : null;
  select.replaceChildren(...options.map(({ value, label }) => new Option(label, value)));
  select.dataset.options = signature;
  const choice = [kept, preferred].find((value) => value !== null && value !== undefined
      && options.some((option) => option.value === value));
  if (choice !== undefined) {
    select.value = choice;
  }
}

/** A Task's attributes as readable fields: a definition list, nested objects as nested lists. */
export function renderAttributes(value) {
  if (value === null || typeof value !== 'object') {
    const text = document.createElement('span');
    text.className = value === null ? 'value null' : `value ${typeof value}`;
    text.textContent = value === null ? 'null' : String(value);
    return text;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const text = document.createElement('span');
      text.className = 'value list';
      text.textContent = value.length === 0 ? '(none)' : value.map(String).join(', ');
      return text;
    }
    const list = document.createElement('ol');
    list.className = 'attribute-items';
    for (const item of value) {
      const entry = document.createElement('li');
      entry.append(renderAttributes(item));
      list.append(entry);
    }
    return list;
  }
  const fields = document.createElement('dl');
  fields.className = 'attribute-fields';
  const keys = Object.keys(value);
  if (keys.length === 0) {
    const none = document.createElement('span');
    none.className = 'value null';
    none.textContent = '(no attributes)';
    return none;
  }
  for (const key of keys) {
    const term = document.createElement('dt');
    term.textContent = key;
    const definition = document.createElement('dd');
    definition.append(renderAttributes(value[key]));
    fields.append(term, definition);
  }
  return fields;
}

/** Seconds as an agent reads them: "45 s", "3 min 05 s", "2 h 07 min". */
export function formatDuration(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  }
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** A countdown as m:ss. */
export function formatCountdown(totalSeconds) {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function secondsSince(isoTime, now = Date.now()) {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? 0 : (now - at) / 1000;
}
