using System.Text.Json;

namespace IdmPlatform.Hosting.Dashboard;

/// <summary>The dashboard's pages: plain HTML with a little vanilla JS polling the JSON API; no CDN.</summary>
internal static class Pages
{
    private const string Style = """
        :root { --bg:#f6f7f9; --card:#fff; --ink:#1d2330; --muted:#6b7280; --line:#e3e6eb; --accent:#5b3cc4; --ok:#15803d; --bad:#b91c1c; --warn:#b45309; }
        * { box-sizing:border-box; }
        body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
        header { display:flex; align-items:center; gap:24px; padding:10px 20px; background:#1d1b2f; color:#fff; }
        header b { font-size:15px; letter-spacing:.3px; }
        header nav a { color:#cfc8ff; text-decoration:none; margin-right:16px; }
        header nav a.on { color:#fff; border-bottom:2px solid #a893ff; padding-bottom:2px; }
        main { padding:18px 20px; }
        h1 { font-size:18px; margin:0 0 12px; }
        table { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line); border-radius:6px; }
        th, td { text-align:left; padding:7px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-weight:600; color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.4px; }
        a { color:var(--accent); }
        .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; background:#eef0f3; }
        .Running, .Healthy { background:#dcfce7; color:var(--ok); }
        .FailedToStart, .Unhealthy, .Exited { background:#fee2e2; color:var(--bad); }
        .Waiting, .Starting, .Stopping { background:#fef3c7; color:var(--warn); }
        button { border:1px solid var(--line); background:#fff; border-radius:4px; padding:2px 8px; cursor:pointer; font-size:12px; }
        button:hover { border-color:var(--accent); color:var(--accent); }
        .muted { color:var(--muted); }
        .console { background:#14131c; color:#e5e7eb; font:12px/1.5 ui-monospace,Menlo,Consolas,monospace; padding:10px; border-radius:6px; height:calc(100vh - 170px); overflow:auto; white-space:pre-wrap; word-break:break-all; }
        .console .err { color:#fca5a5; }
        .console .ts { color:#6b7280; margin-right:8px; }
        select, input { padding:4px 6px; border:1px solid var(--line); border-radius:4px; font:inherit; }
        .bar-cell { position:relative; width:45%; }
        .bar { position:absolute; top:9px; height:12px; background:var(--accent); border-radius:2px; min-width:2px; opacity:.8; }
        .bar.error { background:var(--bad); }
        .attrs { font:12px ui-monospace,monospace; color:var(--muted); white-space:pre-wrap; }
        .login { max-width:360px; margin:12vh auto; background:#fff; padding:24px; border-radius:8px; border:1px solid var(--line); }
        .login input { width:100%; margin:8px 0 12px; }
        """;

    private const string Common = """
        const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
        const time = s => s ? new Date(s).toLocaleTimeString() : '';
        async function getJson(url) { const r = await fetch(url); if (r.status === 401) { location.href = '/login'; } return r.json(); }
        """;

    public static string Login(bool failed) => $$"""
        <!doctype html><html><head><meta charset="utf-8"><title>Login · IdmPlatform</title><style>{{Style}}</style></head>
        <body><form class="login" method="get" action="/login">
        <h1>IdmPlatform dashboard</h1>
        <p class="muted">Paste the token from the AppHost's console (the line "Login to the dashboard at …").</p>
        {{(failed ? "<p style=\"color:var(--bad)\">That token is not valid for this run.</p>" : string.Empty)}}
        <input name="t" type="password" autofocus placeholder="token"><button type="submit">Log in</button>
        </form></body></html>
        """;

    public static string Resources() => Layout("Resources", "/", """
        <h1>Resources</h1>
        <table><thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>PID</th><th>Endpoints</th><th>Restarts</th><th>Started</th><th>Actions</th></tr></thead>
        <tbody id="rows"><tr><td colspan="9" class="muted">Loading…</td></tr></tbody></table>
        """, """
        async function command(name, verb) { await fetch(`/api/resources/${encodeURIComponent(name)}/${verb}`, { method: 'POST' }); refresh(); }
        async function refresh() {
          const resources = await getJson('/api/resources');
          document.getElementById('rows').innerHTML = resources.map(r => `<tr>
            <td><a href="/consolelogs/${encodeURIComponent(r.name)}">${esc(r.name)}</a>${r.waitsFor.length ? `<div class="muted">waits for ${esc(r.waitsFor.join(', '))}</div>` : ''}</td>
            <td>${esc(r.kind)}</td>
            <td><span class="badge ${esc(r.state)}">${esc(r.state)}</span>${r.message ? `<div class="muted">${esc(r.message)}</div>` : ''}</td>
            <td>${r.health ? `<span class="badge ${esc(r.health)}">${esc(r.health)}</span>` : ''}</td>
            <td>${r.pid ?? ''}</td>
            <td>${r.endpoints.map(e => e.startsWith('http') ? `<a href="${esc(e)}" target="_blank">${esc(e)}</a>` : esc(e)).join('<br>')}</td>
            <td>${r.restartCount}</td>
            <td>${time(r.startedAt)}</td>
            <td><button onclick="command('${esc(r.name)}','stop')">Stop</button> <button onclick="command('${esc(r.name)}','start')">Start</button> <button onclick="command('${esc(r.name)}','restart')">Restart</button></td>
          </tr>`).join('');
        }
        refresh(); setInterval(refresh, 1000);
        """);

    public static string ConsoleLogs(string resource) => Layout("Console logs", "/consolelogs", """
        <h1>Console logs <select id="pick"></select> <label class="muted"><input type="checkbox" id="follow" checked> follow</label></h1>
        <div class="console" id="out"></div>
        """, "const resource = " + JsonSerializer.Serialize(resource) + ";\n" + """
        let after = 0;
        const out = document.getElementById('out'), follow = document.getElementById('follow'), pick = document.getElementById('pick');
        pick.onchange = () => location.href = '/consolelogs/' + encodeURIComponent(pick.value);
        getJson('/api/resources').then(rs => pick.innerHTML = rs.map(r => `<option ${r.name === resource ? 'selected' : ''}>${esc(r.name)}</option>`).join(''));
        async function poll() {
          const lines = await getJson(`/api/resources/${encodeURIComponent(resource)}/logs?after=${after}`);
          if (lines.length) {
            out.insertAdjacentHTML('beforeend', lines.map(l => `<div class="${l.isError ? 'err' : ''}"><span class="ts">${time(l.timestamp)}</span>${esc(l.text)}</div>`).join(''));
            after = lines[lines.length - 1].sequence;
            while (out.childElementCount > 10000) out.firstElementChild.remove();
            if (follow.checked) out.scrollTop = out.scrollHeight;
          }
        }
        poll(); setInterval(poll, 1000);
        """);

    public static string Traces() => Layout("Traces", "/traces", """
        <h1>Traces</h1>
        <table><thead><tr><th>Started</th><th>Trace</th><th>Root</th><th>Services</th><th>Spans</th><th>Duration</th></tr></thead>
        <tbody id="rows"><tr><td colspan="6" class="muted">No traces received yet.</td></tr></tbody></table>
        """, """
        async function refresh() {
          const traces = await getJson('/api/traces');
          if (!traces.length) return;
          document.getElementById('rows').innerHTML = traces.map(t => `<tr>
            <td>${time(t.start)}</td>
            <td><a href="/traces/${t.traceId}"><code>${t.traceId.slice(0, 12)}…</code></a></td>
            <td>${esc(t.root)} ${t.hasError ? '<span class="badge Unhealthy">error</span>' : ''}</td>
            <td>${t.services.map(s => `<span class="badge">${esc(s)}</span>`).join(' ')}</td>
            <td>${t.spanCount}</td><td>${t.durationMs.toFixed(1)} ms</td></tr>`).join('');
        }
        refresh(); setInterval(refresh, 2000);
        """);

    public static string TraceDetail(string traceId) => Layout("Trace", "/traces", """
        <h1>Trace <code id="tid"></code></h1>
        <table><thead><tr><th>Service</th><th>Span</th><th>Kind</th><th class="bar-cell">Timeline</th><th>Duration</th></tr></thead><tbody id="rows"></tbody></table>
        """, "const traceId = " + JsonSerializer.Serialize(traceId) + ";\n" + """
        document.getElementById('tid').textContent = traceId;
        const ms = d => { const [h, m, s] = d.split(':'); return ((+h * 60 + +m) * 60 + parseFloat(s)) * 1000; };
        async function load() {
          const spans = await getJson(`/api/traces/${encodeURIComponent(traceId)}`);
          if (!spans.length) { document.getElementById('rows').innerHTML = '<tr><td colspan="5" class="muted">No spans for this trace.</td></tr>'; return; }
          const ids = new Set(spans.map(s => s.spanId)), children = {};
          spans.forEach(s => { const p = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : 'root'; (children[p] ??= []).push(s); });
          const t0 = Math.min(...spans.map(s => Date.parse(s.start)));
          const total = Math.max(1, Math.max(...spans.map(s => Date.parse(s.start) + ms(s.duration))) - t0);
          const rows = [];
          (function walk(key, depth) { (children[key] ?? []).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).forEach(s => { rows.push([s, depth]); walk(s.spanId, depth + 1); }); })('root', 0);
          document.getElementById('rows').innerHTML = rows.map(([s, depth]) => {
            const left = (Date.parse(s.start) - t0) / total * 100, width = ms(s.duration) / total * 100;
            const attrs = Object.entries(s.attributes).map(([k, v]) => `${k} = ${v}`).join('\n');
            return `<tr><td><span class="badge">${esc(s.serviceName)}</span></td>
              <td style="padding-left:${10 + depth * 16}px"><details><summary>${esc(s.name)}</summary><div class="attrs">${esc(attrs)}${s.statusMessage ? '\nstatus: ' + esc(s.statusMessage) : ''}</div></details></td>
              <td class="muted">${esc(s.kind.replace('SpanKind', ''))}</td>
              <td class="bar-cell"><div class="bar ${s.status === 'Error' ? 'error' : ''}" style="left:${left}%;width:${width}%"></div></td>
              <td>${ms(s.duration).toFixed(2)} ms</td></tr>`;
          }).join('');
        }
        load();
        """);

    public static string StructuredLogs() => Layout("Structured logs", "/structuredlogs", """
        <h1>Structured logs <select id="service"><option value="">all services</option></select>
        <select id="level"><option value="0">all levels</option><option value="9">information+</option><option value="13">warning+</option><option value="17">error+</option></select>
        <input id="q" placeholder="filter text"></h1>
        <table><thead><tr><th>Time</th><th>Service</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody id="rows"></tbody></table>
        """, """
        const service = document.getElementById('service'), level = document.getElementById('level'), q = document.getElementById('q');
        getJson('/api/resources').then(rs => rs.filter(r => r.kind === 'Project').forEach(r => service.insertAdjacentHTML('beforeend', `<option>${esc(r.name)}</option>`)));
        async function refresh() {
          const logs = await getJson(`/api/logs?service=${encodeURIComponent(service.value)}&minSeverity=${level.value}&q=${encodeURIComponent(q.value)}`);
          document.getElementById('rows').innerHTML = logs.map(l => `<tr>
            <td>${time(l.timestamp)}</td><td><span class="badge">${esc(l.serviceName)}</span></td>
            <td><span class="badge ${l.severityNumber >= 17 ? 'Unhealthy' : l.severityNumber >= 13 ? 'Waiting' : ''}">${esc(l.severity)}</span></td>
            <td>${esc(l.message)}<div class="attrs">${esc(l.category ?? '')}</div></td>
            <td>${l.traceId ? `<a href="/traces/${l.traceId}"><code>${l.traceId.slice(0, 8)}</code></a>` : ''}</td></tr>`).join('');
        }
        [service, level].forEach(e => e.onchange = refresh); q.oninput = refresh;
        refresh(); setInterval(refresh, 2000);
        """);

    private static string Layout(string title, string active, string body, string script)
    {
        string Nav(string href, string text) => $"<a href=\"{href}\" class=\"{(href == active ? "on" : string.Empty)}\">{text}</a>";
        return $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>{{title}} · IdmPlatform</title><style>{{Style}}</style></head>
            <body><header><b>IdmPlatform</b><nav>{{Nav("/", "Resources")}}{{Nav("/consolelogs", "Console")}}{{Nav("/structuredlogs", "Structured logs")}}{{Nav("/traces", "Traces")}}</nav></header>
            <main>{{body}}</main>
            <script>{{Common}}
            {{script}}</script></body></html>
            """;
    }
}
