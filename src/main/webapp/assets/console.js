// The web console: calls only the public API, with the caller's own token, kept in session
// storage (never in a URL).
'use strict';

const SESSION = 'importer.session';
const CHUNK = 1000;          // users per import.addUsers request
const RATE_WINDOW_MS = 5000; // users per second over the last few seconds
const SELECTION_ROWS = 200; // selection rows drawn at once; the search narrows them
const REPORT_PAGE = 50;
const EVENTS_PAGE = 20;
const PREDICTION_PAGE = 20;
const HISTORY_EVERY_MS = 10000;
const PROGRESS_EVERY_MS = 2000; // the chart's points are read at most this often while an import runs

const $ = id => document.getElementById(id);
let session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
let samples = [];
let reportOffset = 0;
let eventsOffset = 0;
let polling = null;
let historyPolling = null;
let charted = {key: null, at: 0};
let predicted = {skipped: [], total: 0, offset: 0};
const usernames = new Map(); // user id -> a promise of its username
let selection = {users: [], selected: new Set()};

async function api(method, path, body) {
    const headers = {'Content-Type': 'application/json'};
    if (session) {
        headers['X-User-Id'] = session.userId;
        headers['X-Auth-Token'] = session.authToken;
    }
    let response;
    try {
        response = await fetch('/api/v1/' + path,
            {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (e) {
        $('offline').hidden = false;
        throw new Error('The server cannot be reached');
    }
    $('offline').hidden = response.status !== 503 || path === 'login';
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401 && path !== 'login') {
        showLogin();
    }
    if (!response.ok) {
        throw new Error(plainWords(answer, response));
    }
    return answer;
}

/** What a person reads for a refusal: the server's sentence without the code, which scripts keep. */
function plainWords(answer, response) {
    const retry = response.headers.get('Retry-After');
    const wait = retry ? ` Try again in ${retry} s.` : '';
    const text = (answer.message || answer.error || `The server answered HTTP ${response.status}.`)
        .replace(/ \[[a-z-]+\]$/, '');
    switch (answer.errorType || answer.error) {
        case 'error-login-blocked-for-user':
        case 'error-login-blocked-for-ip':
            return 'Too many failed logins: logging in is blocked for a while.' + wait;
        case 'error-too-many-requests':
            return 'The server is busy checking other logins.' + wait;
        case 'Unauthorized':
            return 'Wrong user name or password.';
        default:
            return response.status === 503 ? 'The database cannot be reached right now.' + wait : text;
    }
}

/** Asks before work is thrown away; true to go on. */
function confirmed(question) {
    return window.confirm(question);
}

function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
}

/** A login attempt: its errors are shown at the form (by the attempt itself), not in the console. */
async function loginAct(work) {
    try {
        await work();
    } catch (e) {
        // shown at the form
    }
}

async function act(work) {
    try {
        await work();
    } catch (e) {
        say(e.message, true);
    }
}

function showLogin() {
    session = null;
    sessionStorage.removeItem(SESSION);
    clearInterval(polling);
    clearInterval(historyPolling);
    $('console').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
}

function showConsole() {
    $('login').hidden = true;
    $('console').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = session.username;
    samples = [];
    refresh();
    act(showHistory);
    act(showImporters);
    clearInterval(polling);
    polling = setInterval(refresh, 1000);
    clearInterval(historyPolling);
    historyPolling = setInterval(() => showHistory().catch(() => null), HISTORY_EVERY_MS);
}

async function refresh() {
    const status = await api('GET', 'import.status').catch(() => null);
    if (!status) {
        return;
    }
    const operation = status.operation;
    $('takeover').hidden = !status.awaitingTakeover;
    if (!operation) {
        $('state').textContent = 'No operation yet.';
        return;
    }
    const count = operation.count || {};
    const total = count.total || 0;
    const completed = count.completed || 0;
    $('state').textContent = `Operation ${operation._id}: ${status.state} (${operation.status})`;
    $('progress').max = Math.max(total, 1);
    $('progress').value = completed;
    $('percent').textContent = (total ? Math.floor(100 * completed / total) : 0) + ' %';
    showRate(total, completed, status.state);
    const counts = $('counts');
    counts.replaceChildren();
    for (const [name, value] of Object.entries(count)) {
        counts.append(element('dt', name), element('dd', String(value)));
    }
    Charts.outcomes($('outcomes-chart'), $('outcomes-legend'), count);
    await drawProgress(operation, status.state);
}

/** The chart of users (and passwords hashed) per second, read again when the import moved on, at most every PROGRESS_EVERY_MS. */
async function drawProgress(operation, state) {
    const count = operation.count || {};
    const key = `${operation._id} ${operation.status} ${count.completed || 0} ${count.hashed || 0}`;
    const now = Date.now();
    if (key === charted.key || (state === 'importing' && now - charted.at < PROGRESS_EVERY_MS)) {
        return;
    }
    charted = {key, at: now};
    const progress = await api('GET', 'import.progress?operationId=' + operation._id).catch(() => null);
    if (progress) {
        Charts.rate($('rate-chart'), $('rate-summary'), progress.points);
    }
}

function showRate(total, completed, state) {
    const now = Date.now();
    samples = samples.filter(s => now - s.at <= RATE_WINDOW_MS && s.completed <= completed);
    samples.push({at: now, completed});
    const first = samples[0];
    const seconds = (now - first.at) / 1000;
    const rate = state === 'importing' && seconds > 0 ? (completed - first.completed) / seconds : 0;
    $('rate').textContent = Math.round(rate) + ' users/s';
    $('eta').textContent = 'time left: ' + (rate > 0 ? Math.ceil((total - completed) / rate) + ' s' : '–');
}

function element(tag, text) {
    const e = document.createElement(tag);
    e.textContent = text;
    return e;
}

function table(container, columns, rows) {
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    columns.forEach(c => head.append(element('th', c.title)));
    const body = t.createTBody();
    rows.forEach(row => {
        const tr = body.insertRow();
        columns.forEach(c => tr.append(element('td', c.value(row) ?? '')));
    });
    container.replaceChildren(t);
}

/** A file's problems, each naming where it is; nothing of the file is sent. */
class FileProblems extends Error {
    constructor(problems) {
        super(problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '')
            + '. Nothing was sent.');
    }
}

const USERNAME = /^[0-9a-zA-Z._-]+$/; // the service's default USERNAME_PATTERN
const ADDRESS = /^[^\s@]+@[^\s@]+$/;
const PREVIEW_ROWS = 5;

/**
 * Users from a file, each with the line it starts on: a JSON array (or {"users":[...]}), or a
 * CSV file with the header username,email,name and optional password, roles and importId
 * columns, comma- or semicolon-separated, read by Papa Parse (RFC 4180).
 */
function usersFrom(name, text) {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (name.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
        const json = JSON.parse(trimmed);
        return (Array.isArray(json) ? json : json.users).map((user, i) => ({user, line: `user ${i + 1}`}));
    }
    return usersFromCsv(text.replace(/^\uFEFF/, ''));
}

function usersFromCsv(text) {
    const lineAt = lineNumbers(text);
    const rows = [];
    const problems = [];
    let cursor = 0;
    Papa.parse(text, {
        delimitersToGuess: [',', ';'],
        skipEmptyLines: 'greedy',
        step: result => {
            while (text[cursor] === '\r' || text[cursor] === '\n') {
                cursor++;
            }
            const line = lineAt(cursor);
            result.errors.forEach(e => problems.push(`CSV line ${lineAt(e.index ?? cursor)}: ${e.message}`));
            rows.push({line, fields: result.data.map(field => field.trim())});
            cursor = result.meta.cursor;
        }
    });
    if (problems.length) {
        throw new FileProblems(problems);
    }
    const [header, ...data] = rows;
    const columns = (header ? header.fields : []).map(h => h.toLowerCase());
    const missing = ['username', 'email', 'name'].filter(c => !columns.includes(c));
    if (missing.length) {
        throw new FileProblems([`CSV line 1: the header needs username, email and name (missing: ${missing.join(', ')})`]);
    }
    const users = data.map(row => userOf(row, columns, problems));
    if (problems.length) {
        throw new FileProblems(problems);
    }
    return users;
}

/** The user of a CSV row; what is wrong with it goes to problems, naming its line. */
function userOf(row, columns, problems) {
    const at = `CSV line ${row.line}`;
    if (row.fields.length !== columns.length) {
        problems.push(`${at}: ${row.fields.length} fields where the header has ${columns.length}`);
        return null;
    }
    const value = column => (row.fields[columns.indexOf(column)] || '');
    const words = column => value(column).split(/\s+/).filter(Boolean);
    const emails = words('email');
    const username = value('username') || (emails[0] || '').split('@')[0];
    if (!emails.length || emails.some(e => !ADDRESS.test(e))) {
        problems.push(`${at}: '${value('email')}' is not one or more e-mail addresses`);
    }
    if (!USERNAME.test(username)) {
        problems.push(`${at}: the username '${username}' may hold only letters, digits, '.', '_' and '-'`);
    }
    const user = {username, emails, name: value('name'), importIds: [value('importid') || username]};
    if (value('password')) {
        user.password = value('password');
    }
    if (words('roles').length) {
        user.roles = words('roles');
    }
    return {user, line: at};
}

/** The 1-based line of a character of the text. */
function lineNumbers(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') {
            starts.push(i + 1);
        }
    }
    return index => {
        let low = 0, high = starts.length - 1;
        while (low < high) {
            const middle = Math.ceil((low + high) / 2);
            if (starts[middle] <= index) { low = middle; } else { high = middle - 1; }
        }
        return low + 1;
    };
}

async function upload() {
    const file = $('file').files[0];
    if (!file) {
        throw new Error('Choose a file first');
    }
    $('preview').replaceChildren();
    const users = usersFrom(file.name, await file.text());
    table($('preview'), [
        {title: 'User', value: u => u.user.username},
        {title: 'E-mail', value: u => (u.user.emails || []).join(', ')},
        {title: 'Name', value: u => u.user.name},
        {title: 'Roles', value: u => (u.user.roles || []).join(', ')}], users.slice(0, PREVIEW_ROWS));
    $('preview').prepend(element('p', `The first ${Math.min(PREVIEW_ROWS, users.length)} of ${users.length} users:`));
    for (let first = 0; first < users.length; first += CHUNK) {
        say(`Uploading users ${first + 1} to ${Math.min(first + CHUNK, users.length)} of ${users.length}…`);
        const chunk = users.slice(first, first + CHUNK);
        await api('POST', 'import.addUsers', {users: chunk.map(u => u.user)}).catch(e => {
            const refused = /^users\[(\d+)\]: (.*)$/.exec(e.message);
            const where = refused ? `${chunk[Number(refused[1])].line}: ${refused[2]}` : e.message;
            throw new Error(`${where}. ` + (first > 0
                ? `The ${first} users before this request are staged; start a new operation to drop them.`
                : 'Nothing of this file was staged.'));
        });
    }
    say(`${users.length} users staged.`);
}

/** The importers the server offers, into the select. */
async function showImporters() {
    const importers = await api('GET', 'importers.list');
    $('importer').replaceChildren(...importers.map(i => {
        const option = element('option', i.name);
        option.value = i.key;
        return option;
    }));
}

function sayAboutFile(text, isError) {
    $('file-message').textContent = text;
    $('file-message').className = isError ? 'error' : '';
}

/** The file as base64, a slice at a time (String.fromCharCode takes a bounded argument list). */
async function base64Of(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
}

async function uploadImportFile() {
    const file = $('import-file').files[0];
    if (!file) {
        throw new Error('Choose a file first');
    }
    sayAboutFile(`Uploading and reading ${file.name}…`);
    await api('POST', 'uploadImportFile', {binaryContent: await base64Of(file),
        contentType: file.type || 'application/octet-stream', fileName: file.name, importerKey: $('importer').value});
    let data = await api('GET', 'getImportFileData');
    while (data.waiting) {
        await new Promise(resolve => setTimeout(resolve, 1000));
        data = await api('GET', 'getImportFileData');
    }
    selection = {users: data.users, selected: new Set(data.users.filter(u => u.do_import).map(u => u.user_id))};
    sayAboutFile(`${data.users.length} users read from ${file.name}.`);
    $('selection-tools').hidden = false;
    showSelection();
}

function foundUsers() {
    const query = $('selection-search').value.trim().toLowerCase();
    return selection.users.filter(u => !query || (u.username || '').toLowerCase().includes(query)
        || (u.email || '').toLowerCase().includes(query));
}

function showSelection() {
    const found = foundUsers();
    const shown = found.slice(0, SELECTION_ROWS);
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    ['Import', 'User', 'E-mail', 'Notes'].forEach(title => head.append(element('th', title)));
    const body = t.createTBody();
    shown.forEach(u => {
        const row = body.insertRow();
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = selection.selected.has(u.user_id);
        box.setAttribute('aria-label', 'Import ' + u.username);
        box.dataset.userId = u.user_id;
        box.addEventListener('change', () => {
            box.checked ? selection.selected.add(u.user_id) : selection.selected.delete(u.user_id);
            countSelection(found.length, shown.length);
        });
        const cell = row.insertCell();
        cell.append(box);
        const notes = [u.is_bot ? 'bot' : '', u.is_deleted ? 'deactivated' : '',
            u.is_email_taken ? 'address of an existing user: updates that user' : ''].filter(Boolean).join('; ');
        row.append(element('td', u.username), element('td', u.email), element('td', notes));
    });
    $('selection').replaceChildren(t);
    countSelection(found.length, shown.length);
}

function countSelection(found, shown) {
    $('selection-count').textContent = `${selection.selected.size} of ${selection.users.length} users selected`
        + (found < selection.users.length ? `; ${found} found` : '')
        + (shown < found ? `; the first ${shown} shown, search to narrow` : '');
}

function selectFound(selected) {
    foundUsers().forEach(u => selected ? selection.selected.add(u.user_id) : selection.selected.delete(u.user_id));
    showSelection();
}

async function startImport() {
    if (selection.selected.size === 0) {
        throw new Error('Select at least one user');
    }
    const users = selection.selected.size === selection.users.length
        ? {all: true}
        : {all: false, list: [...selection.selected]};
    await api('POST', 'startImport', {input: {users, channels: {all: false}, contacts: {all: false}}});
    sayAboutFile(`Importing ${selection.selected.size} users; the others end skipped, not selected.`);
    $('selection-tools').hidden = true;
}

async function validate() {
    const answer = await api('POST', 'import.validate', {ifUserExists: $('if-exists').value});
    const c = answer.count;
    say(`A run would import ${c.import}, update ${c.update}, skip ${c.skip} and fail ${c.fail} of ${c.users} users.`);
    predicted = {skipped: answer.skipped, total: c.skip, offset: 0};
    $('prediction-tools').hidden = false;
    showPrediction();
}

/** The validation's skipped users found by the search. */
function foundSkipped() {
    const query = $('prediction-query').value.trim().toLowerCase();
    return predicted.skipped.filter(u => !query || (u.username || '').toLowerCase().includes(query)
        || (u.reason || '').toLowerCase().includes(query));
}

function showPrediction() {
    const found = foundSkipped();
    predicted.offset = Math.min(predicted.offset, Math.max(0, found.length - 1));
    const page = found.slice(predicted.offset, predicted.offset + PREDICTION_PAGE);
    table($('prediction'), [
        {title: 'Skipped user', value: u => u.username},
        {title: 'Reason', value: u => u.reason},
        {title: 'Existing user', value: matchedUser}], page);
    const shown = predicted.skipped.length < predicted.total
        ? `the first ${predicted.skipped.length} of ${predicted.total} skipped are here (the report has all after the run)`
        : `${predicted.total} skipped`;
    const range = page.length ? `showing ${predicted.offset + 1} to ${predicted.offset + page.length}` : 'none shown';
    $('prediction').prepend(element('p', `${shown}; ${found.length} found; ${range}`));
    $('prediction-previous').disabled = predicted.offset === 0;
    $('prediction-next').disabled = predicted.offset + PREDICTION_PAGE >= found.length;
}

/** The found skipped users as a CSV file, written here (formulae escaped, as the server's report). */
function downloadPrediction() {
    const rows = foundSkipped().map(u => ({username: u.username, reason: u.reason,
        matchedId: u.matched ? u.matched._id : '', matchedUsername: u.matched ? u.matched.username : ''}));
    const csv = Papa.unparse(rows, {columns: ['username', 'reason', 'matchedId', 'matchedUsername'],
        escapeFormulae: true});
    saveFile(new Blob([csv], {type: 'text/csv'}), 'import-validation-skipped.csv');
}

/** The existing user a staged user was about (updated, protected, or whose name or address it wanted). */
function matchedUser(u) {
    return u.matched ? `${u.matched.username} (${u.matched._id})` : '';
}

function reportQuery() {
    const status = $('report-status').value;
    const query = $('report-query').value.trim();
    return `status=${status}` + (query ? '&query=' + encodeURIComponent(query) : '');
}

async function showReport() {
    const status = $('report-status').value;
    const report = await api('GET', `import.report?${reportQuery()}&offset=${reportOffset}&count=${REPORT_PAGE}`);
    table($('report'), [
        {title: 'User', value: u => u.username},
        {title: 'E-mail', value: u => (u.emails || []).join(', ')},
        {title: 'Outcome', value: u => u.status},
        {title: 'Reason', value: u => u.reason},
        {title: 'Existing user', value: matchedUser}], report.users);
    const range = report.count ? `showing ${report.offset + 1} to ${report.offset + report.count}` : 'none shown';
    $('report').prepend(element('p', `${report.total} ${status}; ${range}`));
    $('report-previous').disabled = reportOffset === 0;
    $('report-next').disabled = report.offset + report.count >= report.total;
}

/** The whole report as CSV, fetched with the caller's token and handed to the browser as a file. */
async function downloadReport() {
    const response = await fetch(`/api/v1/import.report?${reportQuery()}&format=csv`,
        {headers: {'X-User-Id': session.userId, 'X-Auth-Token': session.authToken}});
    if (!response.ok) {
        throw new Error(plainWords(await response.json().catch(() => ({})), response));
    }
    saveFile(await response.blob(), `import-report-${$('report-status').value}.csv`);
}

/** Hands the browser a file to save. */
function saveFile(blob, name) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
}

function localTime(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
}

/** The usernames of these user ids, each asked once (users.info); a user gone since keeps its id. */
async function namesOf(ids) {
    const distinct = [...new Set(ids.filter(Boolean))];
    distinct.filter(id => !usernames.has(id)).forEach(id => usernames.set(id,
        api('GET', 'users.info?userId=' + encodeURIComponent(id)).then(a => a.user.username, () => id)));
    const names = new Map();
    for (const id of distinct) {
        names.set(id, await usernames.get(id));
    }
    return names;
}

async function showHistory() {
    const operations = await api('GET', 'getLatestImportOperations');
    const events = await api('GET', `import.events?offset=${eventsOffset}&count=${EVENTS_PAGE}`);
    const names = await namesOf([...operations.map(o => o.user), ...events.events.map(e => e.user)]);
    table($('history'), [
        {title: 'Operation', value: o => o._id},
        {title: 'Started', value: o => localTime(o.ts)},
        {title: 'Status', value: o => o.status},
        {title: 'Users', value: o => String((o.count || {}).total ?? '')},
        {title: 'By', value: o => names.get(o.user)}], operations);
    table($('events'), [
        {title: 'When', value: e => localTime(e.ts)},
        {title: 'What', value: e => e.type},
        {title: 'Operation', value: e => e.operation},
        {title: 'Aborted', value: e => e.abortedOperation},
        {title: 'By', value: e => e.user ? names.get(e.user) : 'the service'},
        {title: 'From', value: e => e.address}], events.events);
    const range = events.count ? `events ${events.offset + 1} to ${events.offset + events.count}` : 'no events';
    $('events').prepend(element('p', `${range} of ${events.total}, newest first`));
    $('events-previous').disabled = eventsOffset === 0;
    $('events-next').disabled = events.offset + events.count >= events.total;
}

$('login').addEventListener('submit', event => {
    event.preventDefault();
    loginAct(async () => {
        $('login-message').textContent = '';
        const answer = await api('POST', 'login', {user: $('login-user').value, password: $('login-password').value})
            .catch(e => {
                $('login-message').textContent = e.message;
                throw e;
            });
        session = {userId: answer.data.userId, authToken: answer.data.authToken, username: answer.data.me.username};
        sessionStorage.setItem(SESSION, JSON.stringify(session));
        $('login-password').value = '';
        showConsole();
    });
});
$('logout').addEventListener('click', () => act(async () => {
    await api('POST', 'logout').catch(() => null);
    showLogin();
}));
$('new').addEventListener('click', () => act(async () => {
    const status = await api('GET', 'import.status');
    if (status.state === 'importing' && !confirmed('An import is running. A new operation aborts it and clears '
            + 'its staged users and report (the users already created stay). Start a new operation?')) {
        return;
    }
    await api('POST', 'import.new');
    say('A new operation is started.');
    await showHistory();
    samples = [];
    await refresh();
}));
$('upload').addEventListener('click', () => act(async () => {
    try {
        await upload();
    } finally {
        await showHistory();
    }
}));
$('validate').addEventListener('click', () => act(async () => {
    await validate();
    await showHistory();
}));
$('run').addEventListener('click', () => act(async () => {
    await api('POST', 'import.run', {ifUserExists: $('if-exists').value});
    say('The import runs.');
    await showHistory();
}));
$('clear').addEventListener('click', () => act(async () => {
    if (!confirmed('Clear aborts the operation and deletes its staged users and its report; users already '
            + 'created stay. To stop an import and keep its report, use Cancel. Clear?')) {
        return;
    }
    await api('POST', 'import.clear');
    say('Cleared.');
    await showHistory();
}));
$('cancel').addEventListener('click', () => act(async () => {
    if (!confirmed('Cancel the running import? The users created so far stay, and the report says who they are.')) {
        return;
    }
    await api('POST', 'import.cancel');
    say('The import is cancelled; its report is kept.');
    await showHistory();
}));
$('report-show').addEventListener('click', () => act(() => { reportOffset = 0; return showReport(); }));
$('report-next').addEventListener('click', () => act(() => { reportOffset += REPORT_PAGE; return showReport(); }));
$('report-previous').addEventListener('click', () => act(() => {
    reportOffset = Math.max(0, reportOffset - REPORT_PAGE);
    return showReport();
}));
$('report-download').addEventListener('click', () => act(downloadReport));
$('history-show').addEventListener('click', () => act(showHistory));
$('events-next').addEventListener('click', () => act(() => { eventsOffset += EVENTS_PAGE; return showHistory(); }));
$('events-previous').addEventListener('click', () => act(() => {
    eventsOffset = Math.max(0, eventsOffset - EVENTS_PAGE);
    return showHistory();
}));
$('prediction-query').addEventListener('input', () => { predicted.offset = 0; showPrediction(); });
$('prediction-next').addEventListener('click', () => { predicted.offset += PREDICTION_PAGE; showPrediction(); });
$('prediction-previous').addEventListener('click', () => {
    predicted.offset = Math.max(0, predicted.offset - PREDICTION_PAGE);
    showPrediction();
});
$('prediction-download').addEventListener('click', downloadPrediction);
$('import-upload').addEventListener('click', () => uploadImportFile().catch(e => sayAboutFile(e.message, true))
    .finally(() => showHistory().catch(() => null)));
$('selection-search').addEventListener('input', showSelection);
$('select-all').addEventListener('click', () => selectFound(true));
$('select-none').addEventListener('click', () => selectFound(false));
$('start-import').addEventListener('click', () => startImport().catch(e => sayAboutFile(e.message, true))
    .finally(() => showHistory().catch(() => null)));

if (session) {
    showConsole();
} else {
    showLogin();
}
