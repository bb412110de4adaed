// Small helpers for building the page. Text always goes in as text, never as markup.

/** An element with attributes (on* are listeners), and children (nodes or text). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') element.className = value;
    else if (key === 'value' || key === 'checked') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

let fieldCount = 0;

/** A labelled input. */
export function field(label, input, { check = false } = {}) {
  input.id ||= `field-${++fieldCount}`;
  const text = h('label', { for: input.id }, label);
  return check ? h('div', { class: 'field check' }, input, text) : h('div', { class: 'field' }, text, input);
}

export function statusBadge(status) {
  return h('span', { class: `status status-${status}` }, status);
}

/** "1 agent", "3 agents". */
export function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function time(value) {
  return value ? new Date(value).toLocaleString() : '—';
}

export function table(headers, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows)));
}

export function details(pairs) {
  return h('dl', { class: 'details' }, pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

export function errorMessage(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message ?? String(error));
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  document.getElementById('announcer').textContent = message;
}

export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/**
 * A form whose submit runs action(values); while it runs the button is disabled, and a
 * failure is shown in the form with the service's words.
 */
export function actionForm(className, fields, buttonText, action) {
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit' }, buttonText);
  const form = h('form', { class: className }, fields, button, problem);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    problem.hidden = true;
    try {
      await action(form);
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
