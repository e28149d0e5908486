/// The report's inline style sheet and its one small script.
enum ReportStyle {
    static let css = """
        :root{--ink:#1d2430;--muted:#5b6575;--line:#d8dde5;--panel:#f5f7fa;--squads:#2f6db5;--home:#b9c6d6;\
        --error:#b03a2e;--warning:#b7791f;--note:#5b6575;--on:#2e7d4f;--risk:#c9a227;--off:#b03a2e}\
        *{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",\
        "Noto Naskh Arabic",sans-serif;margin:0 auto;max-width:1180px;padding:1.5em;color:var(--ink);line-height:1.4}\
        header h1{margin:.2em 0}.goal{color:var(--muted);margin:.2em 0}section{margin:2em 0}h2{border-bottom:2px \
        solid var(--line);padding-bottom:.2em}.tiles{display:flex;flex-wrap:wrap;gap:.8em}.tile{background:var(--panel);\
        border:1px solid var(--line);border-radius:8px;padding:.7em 1em;min-width:9.5em}.tile .value{font-size:1.7em;\
        font-weight:600}.tile .label{color:var(--muted);font-size:.9em}.delta{display:block;font-size:.85em}\
        .charts{display:flex;flex-wrap:wrap;gap:1.5em;margin-top:1em}figure{margin:0}figcaption{font-weight:600;\
        margin-bottom:.3em}.chart text{font-size:12px;fill:var(--ink)}.chart .value{fill:var(--muted)}\
        .squads{fill:var(--squads)}.home{fill:var(--home)}rect.error{fill:var(--error)}rect.warning{fill:var(--warning)}\
        rect.note{fill:var(--note)}.onTrack{fill:var(--on)}.atRisk{fill:var(--risk)}.offTrack{fill:var(--off)}\
        rect[class^=stage-]{fill:var(--squads)}rect.stage-forming{fill:#8fb3de}rect.stage-dissolved{fill:#c3c9d2}\
        .scroll{overflow-x:auto}table{border-collapse:collapse;margin:.8em 0}th,td{border:1px solid var(--line);\
        padding:.3em .55em;text-align:center;font-variant-numeric:tabular-nums}thead th{background:var(--panel);\
        font-weight:600;vertical-align:bottom}th.name{text-align:start;font-weight:600}td.rest{background:#eef1f5;color:var(--muted)}td.total,tfoot td{background:\
        var(--panel);font-weight:600}td.changed{outline:2px solid #d9480f;outline-offset:-2px;font-weight:700}\
        .changed-sample{outline:2px solid #d9480f;padding:0 .3em}.legend .swatch{display:inline-block;min-width:2em;\
        border:1px solid var(--line);text-align:center;margin-inline-end:.2em}.legend{color:var(--muted)}\
        .chart.retained .track{fill:#e9edf2}.chart.retained .kept{fill:var(--squads)}.chart.retained .below{fill:\
        var(--error)}.chart.retained .floor{stroke:var(--ink);stroke-width:2;stroke-dasharray:2 1}\
        tr.below-floor th{color:var(--error)}.sparkline polyline{fill:none;stroke:var(--squads);stroke-width:1.5}\
        .sparkline circle{fill:var(--squads)}.stale{background:#fff3cd;border:1px solid var(--warning);padding:0 .3em;\
        border-radius:3px;font-size:.85em}.band-onTrack::before{content:"● "}.band-atRisk::before{content:"◐ "}\
        .band-offTrack::before{content:"○ "}.muted,.more{color:var(--muted)}.badge{display:inline-block;\
        padding:0 .45em;border-radius:3px;color:#fff;font-size:.85em}.badge.error{background:var(--error)}\
        .badge.warning{background:var(--warning)}.badge.note{background:var(--note)}details{margin:.4em 0}\
        summary{cursor:pointer}li.finding.error strong{color:var(--error)}li.finding.warning strong{color:\
        var(--warning)}ul.added li::marker{content:"+ "}ul.removed li::marker{content:"− "}.controls{display:flex;\
        gap:1em;flex-wrap:wrap;background:var(--panel);padding:.5em .8em;border-radius:6px}[hidden]{display:none}\
        .lines .axis{stroke:var(--line)}.lines .floor{stroke:var(--error);stroke-dasharray:3 2}.lines .marker{stroke:\
        var(--muted);stroke-dasharray:1 2}.lines polyline{fill:none;stroke-width:2}.lines .line-0{stroke:#2f6db5;\
        fill:#2f6db5}.lines .line-1{stroke:#d9480f;fill:#d9480f}.lines .line-2{stroke:#2e7d4f;fill:#2e7d4f}\
        .lines .line-3{stroke:#8e44ad;fill:#8e44ad}.lines .line-4{stroke:#b7791f;fill:#b7791f}.lines .line-5{stroke:\
        #5b6575;fill:#5b6575}.lines polyline[class^=line-]{fill:none}.lines line[class^=line-]{stroke-width:3}\
        .lines .line-1{stroke-dasharray:7 3}.lines .line-2{stroke-dasharray:2 3}.lines .line-3{stroke-dasharray:9 3 2 3}\
        .lines .line-4{stroke-dasharray:4 4}.lines .line-5{stroke-dasharray:1 4}.chart .label{fill:var(--ink)}\
        .lines .marker-label{fill:var(--ink)}\
        @media print{.controls{display:none}body{max-width:none;padding:0}.scroll{overflow:visible}section{\
        break-inside:avoid-page}}
        """

    /// Filters the findings by severity and squad, and marks the page as ready (which the CI check reads).
    static let script = """
        (function(){var form=document.getElementById('finding-filter');if(!form){return;}\
        function apply(){var shown={};form.querySelectorAll('input[type=checkbox]').forEach(function(box){\
        shown[box.value]=box.checked;});var text=(form.elements.squad.value||'').trim().toLowerCase();\
        document.querySelectorAll('#findings li.finding').forEach(function(item){\
        item.hidden=!shown[item.dataset.severity]||(text!==''&&item.dataset.squad.indexOf(text)<0);});\
        document.querySelectorAll('#findings details.finding-group').forEach(function(group){\
        group.hidden=group.querySelectorAll('li.finding:not([hidden])').length===0;});}\
        form.addEventListener('input',apply);form.addEventListener('submit',function(e){e.preventDefault();});\
        apply();document.body.dataset.script='ready';})();
        """
}
