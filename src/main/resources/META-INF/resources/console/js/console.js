// The agent console: signs in, follows the live feed, and keeps five panels in line with TaskRouter. Events say
// what happened; the operator API, read again after every burst of events, after a reconnect and every 30 s,
// says what is true.
import { api, ApiError, tokenStore } from './api.js';
import { followEvents } from './stream.js';
import {
  fillSelect, formatCountdown, formatDuration, fromTemplate, renderAttributes, secondsSince, setText, syncList,
} from './dom.js';

const RECONCILE_EVERY_MS = 30000;
const EVENT_REFRESH_DELAY_MS = 150;
/** GET /api/queues serves one reading for a few seconds (queues.cache, 3 s by default): read once more after it. */
const QUEUE_FIGURES_FRESH_MS = 3500;
/** How long a Reservation that went away stays on screen, saying why, unless dismissed. */
const ENDED_LINGER_MS = 60000;
const EVENTS_SHOWN = 30;
const WAITING = ['pending', 'reserved'];
const OPEN_TASK_STATUSES = ['pending', 'reserved', 'assigned', 'wrapping'];

const $ = (id) => document.getElementById(id);

const state = {
  stream: null,
  timers: [],
  refreshTimer: null,
  queueTimer: null,
  refreshing: null,
  refreshAgain: false,
  activities: [],
  /** Workflow SID → task_reservation_timeout in seconds. */
  reservationTimeouts: new Map(),
  /** Reservation SID → { reservation, task } for every pending Reservation on screen. */
  pending: new Map(),
  /** Reservation SID → { message, at } for the Reservations that went away, shown in place for a while. */
  ended: new Map(),
  /** Reservations this page accepted or rejected, to tell "here" from "elsewhere". */
  decidedHere: new Map(),
  /** Task SID → the reason it was canceled or completed with, from its event. */
  taskReasons: new Map(),
  tasks: [],
  /** Task SID → the Worker's name, from its accepted or wrapping Reservation. */
  taskWorkers: new Map(),
  workers: [],
};

// ----------------------------------------------------------------------------------------------------------
// Sign-in
// ----------------------------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  const error = $('sign-in-error');
  if (!token) {
    error.textContent = 'Enter the operator token.';
    return;
  }
  error.textContent = '';
  try {
    await api.checkToken(token);
  } catch (failure) {
    error.textContent = failure.status === 401
      ? 'That token was refused: it is not this service\'s OPERATOR_TOKEN.'
      : failure.message;
    $('token').select();
    return;
  }
  tokenStore.set(token);
  $('token').value = '';
  start();
});

$('sign-out').addEventListener('click', () => signOut(''));

function signOut(why) {
  tokenStore.clear();
  state.stream?.close();
  state.stream = null;
  state.timers.forEach(clearInterval);
  state.timers = [];
  clearTimeout(state.refreshTimer);
  clearTimeout(state.queueTimer);
  state.pending.clear();
  state.ended.clear();
  state.decidedHere.clear();
  for (const id of ['reservations', 'tasks', 'workers', 'queues', 'events']) {
    $(id).replaceChildren();
  }
  $('desk').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = why;
  $('connection').textContent = 'Signed out';
  $('token').focus();
}

function start() {
  $('sign-in').hidden = true;
  $('desk').hidden = false;
  $('sign-out').hidden = false;
  $('connection').textContent = 'Connecting…';
  state.stream = followEvents({
    token: () => tokenStore.get(),
    onEvent: handleEvent,
    onOpen: (reconnected) => {
      $('connection').textContent = 'Live';
      // what happened while disconnected is replayed, but TaskRouter is the source of truth
      reconcile(reconnected ? 'reconnected' : 'opened');
    },
    onDown: (why, refused) => {
      if (refused) {
        signOut(why);
      } else {
        $('connection').textContent = why;
      }
    },
  });
  state.timers.push(setInterval(() => reconcile('timer'), RECONCILE_EVERY_MS));
  state.timers.push(setInterval(tick, 1000));
}

// ----------------------------------------------------------------------------------------------------------
// Reading TaskRouter
// ----------------------------------------------------------------------------------------------------------

async function reconcile(why) {
  if (state.refreshing) {
    state.refreshAgain = true;
    return state.refreshing;
  }
  state.refreshing = (async () => {
    try {
      await loadEverything(why);
      showNotice('');
    } catch (failure) {
      if (failure instanceof ApiError && failure.refusedToken) {
        signOut(failure.message);
        return;
      }
      showNotice(`Could not read TaskRouter: ${failure.message}`);
    } finally {
      state.refreshing = null;
      if (state.refreshAgain) {
        state.refreshAgain = false;
        reconcile('again');
      }
    }
  })();
  return state.refreshing;
}

async function loadEverything(why) {
  const needsReference = why === 'opened' || state.activities.length === 0;
  const [reference, pending, accepted, wrapping, tasks, workers, queues] = await Promise.all([
    needsReference ? Promise.all([api.activities(), api.workflows()]) : null,
    api.reservations('pending'),
    api.reservations('accepted'),
    api.reservations('wrapping'),
    api.tasks(OPEN_TASK_STATUSES),
    api.workers(),
    api.queues(),
  ]);
  if (!tokenStore.get()) {
    return; // signed out meanwhile
  }
  if (reference) {
    const [activities, workflows] = reference;
    state.activities = activities;
    state.reservationTimeouts = new Map(workflows.map((w) => [w.sid, w.taskReservationTimeout]));
  }
  const tasksBySid = new Map(tasks.map((task) => [task.sid, task]));
  state.taskWorkers = new Map([...accepted, ...wrapping].map((r) => [r.taskSid, r.workerName]));
  state.tasks = tasks;
  state.workers = workers;

  const listed = new Set();
  for (const reservation of pending) {
    listed.add(reservation.sid);
    if (state.ended.has(reservation.sid)) {
      continue; // an event already said it ended; this reading started before it did
    }
    const task = tasksBySid.get(reservation.taskSid) ?? state.pending.get(reservation.sid)?.task
        ?? await api.task(reservation.taskSid).catch(() => null);
    state.pending.set(reservation.sid, { reservation, task });
  }
  for (const sid of [...state.pending.keys()]) {
    if (!listed.has(sid)) {
      endReservation(sid, 'No longer pending: TaskRouter does not list it any more.');
    }
  }
  renderReservations();
  renderTasks();
  renderWorkers();
  renderQueues(queues);
}

/** Reads TaskRouter again shortly after an event, once for a burst of them. */
function refreshSoon() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => reconcile('event'), EVENT_REFRESH_DELAY_MS);
  clearTimeout(state.queueTimer);
  state.queueTimer = setTimeout(refreshQueues, QUEUE_FIGURES_FRESH_MS);
}

async function refreshQueues() {
  try {
    renderQueues(await api.queues());
  } catch {
    // the next reconcile says what is wrong
  }
}

// ----------------------------------------------------------------------------------------------------------
// Events
// ----------------------------------------------------------------------------------------------------------

function handleEvent(event) {
  logEvent(event);
  const type = event.eventType || '';
  if (event.reason && event.taskSid && (type === 'task.canceled' || type === 'task.completed')) {
    state.taskReasons.set(event.taskSid, event.reason);
  }
  if (type.startsWith('reservation.') && event.reservationSid) {
    const why = endedBecause(type, event);
    if (why) {
      endReservation(event.reservationSid, why, true);
    }
  }
  if (type === 'task.canceled') {
    // the Reservation's own event may have come first, without the reason
    for (const ended of state.ended.values()) {
      if (ended.taskSid === event.taskSid && ended.canceled) {
        ended.message = canceledMessage(event.taskSid);
      }
    }
    renderReservations();
  }
  if (type !== 'assignment.callback') {
    refreshSoon();
  }
}

function endedBecause(type, event) {
  const decided = state.decidedHere.get(event.reservationSid);
  switch (type) {
    case 'reservation.accepted':
      return decided === 'accepted'
        ? 'Accepted here: the Task is now assigned.'
        : 'Accepted elsewhere (another console, or the assignment callback): someone else has it.';
    case 'reservation.rejected':
      return decided === 'rejected' ? 'Rejected here: TaskRouter offers the Task to another Worker.'
        : 'Rejected elsewhere: TaskRouter offers the Task to another Worker.';
    case 'reservation.timeout':
      return 'Timed out: nobody answered in time, so TaskRouter moved on.';
    case 'reservation.canceled':
      return canceledMessage(event.taskSid, event.reason);
    case 'reservation.rescinded':
      return 'Rescinded: another Worker accepted this Task first.';
    default:
      return null;
  }
}

function canceledMessage(taskSid, reason = state.taskReasons.get(taskSid)) {
  return reason ? `Canceled: the Task was canceled ("${reason}").` : 'Canceled: the Task was canceled.';
}

function endReservation(reservationSid, message, fromEvent = false) {
  const shown = state.pending.get(reservationSid);
  const already = state.ended.get(reservationSid);
  if (!shown && !already) {
    return; // never shown here: nothing to explain
  }
  if (already && !fromEvent) {
    return; // keep the event's words over a reconcile's guess
  }
  const taskSid = shown?.reservation.taskSid ?? already?.taskSid;
  const tooLate = already?.tooLate;
  state.ended.set(reservationSid, {
    message: tooLate ? `Too late to ${tooLate}: ${message}` : message,
    taskSid, tooLate, at: already?.at ?? Date.now(), canceled: message.startsWith('Canceled'),
    entry: shown ?? already?.entry,
  });
  state.pending.delete(reservationSid);
  renderReservations();
}

function logEvent(event) {
  const list = $('events');
  const entry = document.createElement('li');
  const time = document.createElement('time');
  const received = event.receivedAt ? new Date(event.receivedAt) : new Date();
  time.dateTime = received.toISOString();
  time.textContent = received.toLocaleTimeString();
  const type = document.createElement('strong');
  type.textContent = event.eventType;
  const description = document.createElement('span');
  description.textContent = event.description || '';
  entry.append(time, ' ', type, ' ', description);
  list.prepend(entry);
  while (list.children.length > EVENTS_SHOWN) {
    list.lastElementChild.remove();
  }
}

// ----------------------------------------------------------------------------------------------------------
// Panels
// ----------------------------------------------------------------------------------------------------------

function activityOptions(withKeep) {
  const options = state.activities.map((a) => ({
    value: a.sid, label: `${a.friendlyName}${a.available ? ' (available)' : ''}`,
  }));
  return withKeep ? [{ value: '', label: 'keep the Activity' }, ...options] : options;
}

function firstAvailableActivity() {
  return state.activities.find((a) => a.available)?.sid;
}

function renderReservations() {
  const now = Date.now();
  for (const [sid, ended] of state.ended) {
    if (now - ended.at > ENDED_LINGER_MS) {
      state.ended.delete(sid);
    }
  }
  const items = [
    ...[...state.pending.entries()].map(([sid, entry]) => ({ sid, entry, ended: null })),
    ...[...state.ended.entries()].filter(([, ended]) => ended.entry)
      .map(([sid, ended]) => ({ sid, entry: ended.entry, ended })),
  ].sort((a, b) => String(a.entry.reservation.dateCreated).localeCompare(String(b.entry.reservation.dateCreated))
      || a.sid.localeCompare(b.sid));
  syncList($('reservations'), items, (item) => item.sid, createReservationCard, updateReservationCard);
  setText(document, '#reservations-count', state.pending.size ? `(${state.pending.size})` : '');
  $('reservations-empty').hidden = items.length > 0;
}

function createReservationCard({ sid }) {
  const card = fromTemplate('reservation-template');
  card.querySelector('.accept').addEventListener('click', () => decide(card, sid, 'accept'));
  card.querySelector('.reject').addEventListener('click', () => decide(card, sid, 'reject'));
  card.querySelector('.dismiss').addEventListener('click', () => {
    state.ended.delete(sid);
    renderReservations();
    $('reservations-title').focus?.();
  });
  return card;
}

function updateReservationCard(card, { entry, ended }) {
  const { reservation, task } = entry;
  card.classList.toggle('ended', Boolean(ended));
  setText(card, '.worker', reservation.workerName || reservation.workerSid);
  setText(card, '.queue', task?.taskQueueFriendlyName || '');
  setText(card, '.reservation-sid', reservation.sid);
  setText(card, '.task-sid', reservation.taskSid);
  setText(card, '.priority', task?.priority == null ? '–' : String(task.priority));
  const attributes = card.querySelector('.attributes');
  const attributesText = JSON.stringify(task?.attributes ?? null);
  if (attributes.dataset.shown !== attributesText) {
    attributes.replaceChildren(renderAttributes(task ? task.attributes : null));
    attributes.dataset.shown = attributesText;
  }
  fillSelect(card.querySelector('.reject-activity'), activityOptions(true), '');
  card.querySelector('.reject-activity').setAttribute('aria-label',
    `Activity ${reservation.workerName || 'the Worker'} moves to on reject`);
  card.querySelector('.accept').setAttribute('aria-label', `Accept Reservation ${reservation.sid}`);
  card.querySelector('.reject').setAttribute('aria-label', `Reject Reservation ${reservation.sid}`);
  if (ended) {
    for (const control of card.querySelectorAll('.accept, .reject, .reject-activity')) {
      control.disabled = true;
    }
    card.querySelector('.dismiss').hidden = false;
    setText(card, '.outcome', ended.message);
    setText(card, '.countdown', 'ended');
  }
  tickReservation(card, entry, ended);
}

function expiresAt({ reservation, task }) {
  const timeout = task ? state.reservationTimeouts.get(task.workflowSid) : undefined;
  const created = Date.parse(reservation.dateCreated);
  return timeout && !Number.isNaN(created) ? created + timeout * 1000 : null;
}

function tickReservation(card, entry, ended) {
  const now = Date.now();
  if (entry.task) {
    setText(card, '.age', formatDuration(secondsSince(entry.task.dateCreated, now)));
  }
  if (ended) {
    return;
  }
  const expires = expiresAt(entry);
  const countdown = card.querySelector('.countdown');
  const busy = card.dataset.busy === 'true';
  if (expires === null) {
    setText(card, '.countdown', 'no timeout known');
    card.querySelector('.accept').disabled = busy;
  } else {
    const left = (expires - now) / 1000;
    setText(card, '.countdown', left > 0 ? `${formatCountdown(left)} left` : 'time is up');
    countdown.classList.toggle('urgent', left <= 15);
    card.querySelector('.accept').disabled = busy || left <= 0;
  }
  card.querySelector('.reject').disabled = busy;
  card.querySelector('.reject-activity').disabled = busy;
}

async function decide(card, reservationSid, decision) {
  const entry = state.pending.get(reservationSid);
  if (!entry) {
    return;
  }
  const { reservation } = entry;
  card.dataset.busy = 'true';
  tickReservation(card, entry, null);
  setText(card, '.outcome', decision === 'accept' ? 'Accepting…' : 'Rejecting…');
  state.decidedHere.set(reservationSid, decision === 'accept' ? 'accepted' : 'rejected');
  try {
    if (decision === 'accept') {
      await api.accept(reservation.taskSid, reservationSid);
      endReservation(reservationSid, 'Accepted here: the Task is now assigned.', true);
    } else {
      const activity = card.querySelector('.reject-activity').value || null;
      await api.reject(reservation.taskSid, reservationSid, activity);
      endReservation(reservationSid, 'Rejected here: TaskRouter offers the Task to another Worker.', true);
    }
    refreshSoon();
  } catch (failure) {
    state.decidedHere.delete(reservationSid);
    card.dataset.busy = 'false';
    if (failure instanceof ApiError && failure.refusedToken) {
      signOut(failure.message);
      return;
    }
    if (failure instanceof ApiError && failure.tooLate) {
      // TaskRouter refused because the Reservation changed meanwhile; its event, if still on the way, says how
      const ended = state.ended.get(reservationSid);
      endReservation(reservationSid, `Too late to ${decision}: ${ended ? ended.message
        : `the Reservation is no longer pending (TaskRouter says: ${failure.message})`}`, true);
      state.ended.get(reservationSid).tooLate = decision;
    } else {
      setText(card, '.outcome', `Could not ${decision}: ${failure.message}`);
      tickReservation(card, entry, null);
    }
    refreshSoon();
  }
}

function renderTasks() {
  const order = { assigned: 0, wrapping: 1, reserved: 2, pending: 3 };
  const items = [...state.tasks].sort((a, b) => (order[a.assignmentStatus] - order[b.assignmentStatus])
      || String(a.dateCreated).localeCompare(String(b.dateCreated)));
  syncList($('tasks'), items, (task) => task.sid, createTaskCard, updateTaskCard);
  setText(document, '#tasks-count', items.length ? `(${items.length})` : '');
  $('tasks-empty').hidden = items.length > 0;
}

function createTaskCard(task) {
  const card = fromTemplate('task-template');
  const sid = task.sid;
  card.querySelector('.wrapup').addEventListener('click', () => act(card, 'Wrapping up', () => api.wrapUp(sid)));
  card.querySelector('.complete').addEventListener('click', () => act(card, 'Completing',
    () => api.complete(sid, card.querySelector('.reason').value.trim(),
      card.querySelector('.complete-activity').value)));
  card.querySelector('.cancel').addEventListener('click', () => act(card, 'Canceling',
    () => api.cancel(sid, card.querySelector('.reason').value.trim())));
  return card;
}

function updateTaskCard(card, task) {
  const status = task.assignmentStatus;
  card.dataset.status = status;
  setText(card, '.status', status);
  setText(card, '.queue', task.taskQueueFriendlyName || '');
  setText(card, '.task-sid', task.sid);
  setText(card, '.worker', state.taskWorkers.get(task.sid) || (WAITING.includes(status) ? 'not yet assigned' : '–'));
  setText(card, '.priority', task.priority == null ? '–' : String(task.priority));
  card.querySelector('.age').dataset.created = task.dateCreated;
  const attributes = card.querySelector('.attributes');
  const attributesText = JSON.stringify(task.attributes ?? null);
  if (attributes.dataset.shown !== attributesText) {
    attributes.replaceChildren(renderAttributes(task.attributes));
    attributes.dataset.shown = attributesText;
  }
  const waiting = WAITING.includes(status);
  card.querySelector('.wrapup').hidden = status !== 'assigned';
  card.querySelector('.complete').hidden = waiting;
  card.querySelector('.complete-activity-label').hidden = waiting;
  card.querySelector('.cancel').hidden = !waiting;
  card.querySelector('.reason').placeholder = waiting ? 'e.g. caller hung up' : 'e.g. resolved';
  fillSelect(card.querySelector('.complete-activity'), activityOptions(true), firstAvailableActivity());
  for (const [selector, verb] of [['.wrapup', 'Wrap up'], ['.complete', 'Complete'], ['.cancel', 'Cancel']]) {
    card.querySelector(selector).setAttribute('aria-label', `${verb} Task ${task.sid}`);
  }
  card.querySelector('.reason').setAttribute('aria-label', `Reason for Task ${task.sid}`);
  card.querySelector('.complete-activity').setAttribute('aria-label', `Activity the Worker of Task ${task.sid} moves to`);
  setText(card, '.age', formatDuration(secondsSince(task.dateCreated)));
}

async function act(card, doing, action) {
  const buttons = card.querySelectorAll('button');
  buttons.forEach((button) => { button.disabled = true; });
  setText(card, '.outcome', `${doing}…`);
  try {
    const task = await action();
    setText(card, '.outcome', `Done: the Task is ${task?.assignmentStatus ?? 'updated'}.`);
  } catch (failure) {
    if (failure instanceof ApiError && failure.refusedToken) {
      signOut(failure.message);
      return;
    }
    setText(card, '.outcome', failure instanceof ApiError && failure.tooLate
      ? `Too late: the Task changed meanwhile. TaskRouter says: ${failure.message}`
      : `Could not do it: ${failure.message}`);
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
    refreshSoon();
  }
}

function renderWorkers() {
  syncList($('workers'), state.workers, (worker) => worker.sid, createWorkerRow, updateWorkerRow);
}

function createWorkerRow(worker) {
  const row = fromTemplate('worker-template');
  row.querySelector('.move').addEventListener('click', async () => {
    const select = row.querySelector('.activity-select');
    const button = row.querySelector('.move');
    button.disabled = true;
    setText(row, '.outcome', 'Moving…');
    try {
      const moved = await api.moveWorker(worker.sid, select.value);
      setText(row, '.outcome', `Now ${moved.activityName}.`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.refusedToken) {
        signOut(failure.message);
        return;
      }
      setText(row, '.outcome', `Could not move: ${failure.message}`);
    } finally {
      button.disabled = false;
      refreshSoon();
    }
  });
  return row;
}

function updateWorkerRow(row, worker) {
  setText(row, '.name', worker.friendlyName);
  setText(row, '.activity', worker.activityName || '');
  setText(row, '.availability', worker.available ? 'available' : 'not available');
  row.classList.toggle('available', Boolean(worker.available));
  setText(row, '.label-text', `Activity for ${worker.friendlyName}`);
  const select = row.querySelector('.activity-select');
  // follow TaskRouter unless the agent is choosing right now
  if (document.activeElement !== select && row.dataset.activity !== worker.activitySid) {
    select.dataset.options = '';
  }
  row.dataset.activity = worker.activitySid;
  fillSelect(select, activityOptions(false), worker.activitySid);
  row.querySelector('.move').setAttribute('aria-label', `Set the Activity of ${worker.friendlyName}`);
}

function renderQueues(queues) {
  syncList($('queues'), queues, (queue) => queue.sid, () => fromTemplate('queue-template'), (row, queue) => {
    const byStatus = queue.tasksByStatus || {};
    const waiting = (byStatus.pending || 0) + (byStatus.reserved || 0);
    setText(row, '.name', queue.friendlyName);
    setText(row, '.waiting', `${waiting} waiting`);
    setText(row, '.longest', waiting ? `the oldest for ${formatDuration(queue.longestTaskWaitingAge)}` : '');
    setText(row, '.available', `${queue.totalAvailableWorkers} of ${queue.totalEligibleWorkers} Workers available`);
  });
}

// ----------------------------------------------------------------------------------------------------------
// Create a Task
// ----------------------------------------------------------------------------------------------------------

function readCreateForm() {
  const text = $('create-attributes').value;
  let attributes;
  try {
    attributes = JSON.parse(text);
  } catch (failure) {
    return { error: `The attributes are not valid JSON: ${failure.message}` };
  }
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    return { error: 'The attributes must be a JSON object, e.g. {"selected_language":"es"}.' };
  }
  const number = (id, min, max, name) => {
    const raw = $(id).value.trim();
    if (raw === '') {
      return { value: undefined };
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      return { error: `${name} must be a whole number from ${min} to ${max}.` };
    }
    return { value };
  };
  const priority = number('create-priority', 0, 2147483647, 'Priority');
  const timeout = number('create-timeout', 1, 1209600, 'Timeout');
  const error = priority.error || timeout.error;
  return error ? { error } : { attributes, priority: priority.value, timeout: timeout.value };
}

function showCreateError(message) {
  $('create-error').textContent = message;
  $('create-attributes').setAttribute('aria-invalid', String(message.startsWith('The attributes')));
}

$('create-attributes').addEventListener('input', () => {
  const { error } = readCreateForm();
  showCreateError(error && error.startsWith('The attributes') ? error : '');
});

$('create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = readCreateForm();
  $('create-outcome').textContent = '';
  if (form.error) {
    showCreateError(form.error);
    return;
  }
  showCreateError('');
  const button = event.submitter || $('create-form').querySelector('button');
  button.disabled = true;
  try {
    const task = await api.createTask(form.attributes, form.priority, form.timeout);
    $('create-outcome').textContent = `Created Task ${task.sid} in ${task.taskQueueFriendlyName || 'its queue'}.`;
    refreshSoon();
  } catch (failure) {
    if (failure instanceof ApiError && failure.refusedToken) {
      signOut(failure.message);
      return;
    }
    showCreateError(`Not created: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});

// ----------------------------------------------------------------------------------------------------------
// Every second: countdowns and ages move
// ----------------------------------------------------------------------------------------------------------

function tick() {
  for (const card of $('reservations').children) {
    const sid = card.dataset.key;
    const ended = state.ended.get(sid);
    const entry = state.pending.get(sid) ?? ended?.entry;
    if (entry) {
      tickReservation(card, entry, ended);
    }
  }
  if ([...state.ended.values()].some((ended) => Date.now() - ended.at > ENDED_LINGER_MS)) {
    renderReservations();
  }
  for (const card of $('tasks').children) {
    const age = card.querySelector('.age');
    setText(card, '.age', formatDuration(secondsSince(age.dataset.created)));
  }
}

function showNotice(message) {
  const notice = $('notice');
  notice.textContent = message;
  notice.hidden = !message;
}

if (tokenStore.get()) {
  start();
}
