/// The one stylesheet, served by the app itself at `/static/style.css` (the policy
/// `style-src 'self'` allows no inline style). System Thai fonts only; one column on a
/// phone; no navigation or buttons on paper.
enum Stylesheet {
    static let path = "/static/style.css"
    static let iconPath = "/favicon.ico"

    /// The site's icon, a small SVG (browsers ask for `/favicon.ico` whatever the page says).
    static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4e8c"/><path d="M4 8.5l2.5 2.5L12 5" stroke="#fff" stroke-width="2" fill="none"/></svg>
    """

    static let css = """
    :root { --ink: #1d232b; --muted: #5a6573; --line: #d5dae0; --ok: #17663a; --ok-bg: #e3f4e8;
            --bad: #a4161a; --bad-bg: #fbe4e4; --warn: #7a5200; --warn-bg: #fff3d6; --accent: #1f4e8c; }
    * { box-sizing: border-box; }
    html { font-size: 17px; }
    body { margin: 0; color: var(--ink); background: #f6f7f9; line-height: 1.6;
           font-family: "Loma", "Garuda", "Tlwg Typo", "Noto Sans Thai", "Leelawadee UI", "Tahoma", sans-serif; }
    header.site { background: var(--accent); color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap;
                  align-items: center; justify-content: space-between; gap: .5rem; }
    header.site .brand { margin: 0; font-weight: bold; }
    header.site nav a { color: #fff; margin-right: 1rem; text-decoration: none; border-bottom: 2px solid transparent; }
    header.site nav a:hover, header.site nav a:focus { border-bottom-color: #fff; }
    header.site .en { color: #dce6f5; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    footer { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
    h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
    .en { color: var(--muted); font-size: .9em; }
    section.card, form.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin-bottom: 1rem; }
    label { display: block; font-weight: bold; margin: .6rem 0 .2rem; }
    input[type=text], input[type=tel], input[type=password], select, textarea { width: 100%; font: inherit; padding: .4rem .5rem;
           border: 1px solid #9aa4b0; border-radius: 4px; background: #fff; }
    textarea { min-height: 12rem; font-family: "Tlwg Typo", "Noto Sans Thai", monospace; }
    input[type=file] { font: inherit; }
    button { font: inherit; padding: .5rem 1.2rem; border-radius: 4px; border: 1px solid var(--accent);
             background: var(--accent); color: #fff; cursor: pointer; margin: .8rem .5rem 0 0; }
    button.secondary { background: #fff; color: var(--accent); }
    .verdict { border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; border: 2px solid; }
    .verdict h1 { margin: 0; font-size: 1.6rem; }
    .verdict.accepted { background: var(--ok-bg); border-color: var(--ok); color: var(--ok); }
    .verdict.rejected { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
    .verdict.waiting { background: var(--warn-bg); border-color: var(--warn); color: var(--warn); }
    table { border-collapse: collapse; width: 100%; background: #fff; }
    th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    th { background: #eef1f4; }
    .severity-error { color: var(--bad); font-weight: bold; }
    .severity-warning { color: var(--warn); font-weight: bold; }
    code, .rule { font-family: "Tlwg Typo", monospace; }
    .rule { white-space: nowrap; }
    ol.source { list-style: none; margin: 0; padding: 0; background: #fff; border: 1px solid var(--line);
                font-family: "Tlwg Typo", "Noto Sans Thai", monospace; font-size: .9rem; overflow-x: auto; }
    ol.source li { display: flex; gap: .8rem; padding: 0 .5rem; white-space: pre-wrap; word-break: break-word; }
    ol.source .number { color: var(--muted); min-width: 2.5rem; text-align: right; flex: none; user-select: none; }
    ol.source li.marked-error { background: var(--bad-bg); border-left: 4px solid var(--bad); }
    ol.source li.marked-warning { background: var(--warn-bg); border-left: 4px solid var(--warn); }
    ol.source .mark { flex: none; min-width: 7.5rem; font-weight: bold; }
    ol.source li:target { outline: 2px solid var(--accent); }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0 1rem; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; margin: .8rem 0; padding: .5rem 1rem 1rem; background: #fff; }
    legend { font-weight: bold; padding: 0 .3rem; }
    .field-findings { list-style: none; margin: .3rem 0 0; padding: 0; }
    .field-findings li { padding: .2rem .4rem; border-radius: 4px; margin-top: .2rem; }
    .field-findings li.severity-error { background: var(--bad-bg); }
    .field-findings li.severity-warning { background: var(--warn-bg); }
    .check-inline { display: flex; align-items: center; gap: .4rem; font-weight: bold; }
    .notice { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); padding: 1rem;
              font-family: "Tlwg Typo", "Noto Sans Thai", monospace; font-size: .9rem; }
    .receipt { font-family: "Tlwg Typo", monospace; word-break: break-all; }
    .hint { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
    /* office */
    nav.office { display: flex; flex-wrap: wrap; gap: .3rem; margin: 0 0 .6rem; }
    nav.office a { padding: .35rem .7rem; border: 1px solid var(--line); border-radius: 4px; background: #fff;
                   color: var(--accent); text-decoration: none; }
    nav.office a[aria-current=page] { background: var(--accent); color: #fff; border-color: var(--accent); }
    nav.office a[aria-current=page] .en { color: #dce6f5; }
    .who { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem;
           color: var(--muted); font-size: .9rem; }
    form.inline { display: inline; margin: 0; }
    button.small { padding: .2rem .7rem; margin: 0; font-size: .9rem; }
    .table-wrap { overflow-x: auto; margin-bottom: 1rem; }
    .table-wrap table { min-width: 40rem; }
    .scroll-hint { display: none; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.total th, tr.total td { font-weight: bold; background: #f3f5f8; }
    .nowrap { white-space: nowrap; }
    .status { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .85rem; white-space: nowrap; }
    .status-open { background: var(--bad-bg); color: var(--bad); }
    .status-contacted { background: var(--warn-bg); color: var(--warn); }
    .status-resolved { background: var(--ok-bg); color: var(--ok); }
    .unverified { color: var(--warn); font-size: .85rem; }
    p.problem { background: var(--bad-bg); color: var(--bad); padding: .5rem .8rem; border-radius: 4px; }
    .phone { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .downloads { margin: .3rem 0 .8rem; }
    .count { margin: .3rem 0; font-weight: bold; }
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: 0 0 .5rem; }
    dt { font-weight: bold; }
    dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    dd .status { white-space: normal; }
    .count + .hint { margin-bottom: .8rem; }
    p.card { overflow-wrap: anywhere; }
    ol.events { padding-left: 1.2rem; }
    ol.events p.note { margin: .1rem 0 .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
    textarea.note { min-height: 5rem; font-family: inherit; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; align-items: start; }
    figure { margin: 0 0 1rem; }
    figcaption { font-weight: bold; margin-bottom: .3rem; min-height: 3.2em; }
    svg.chart { width: 100%; height: auto; }
    svg.chart text { font-size: 15px; fill: var(--ink); font-family: inherit; }
    svg.chart text.value, svg.chart text.legend { fill: var(--muted); font-size: 14px; }
    @media (max-width: 40rem) {
      ol.source .mark { min-width: 0; }
      html { font-size: 16px; }
      main { padding: .5rem; }
      th, td { padding: .3rem; }
      table.findings .en-col { display: none; }
      dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
      dd { margin-bottom: .4rem; }
      .scroll-hint { display: block; color: var(--muted); font-size: .85rem; margin: 0 0 .2rem; }
      figcaption { min-height: 0; }
      /* one card per row, each cell led by its column's name */
      table.stacked { min-width: 0 !important; background: none; }
      table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stacked, table.stacked tbody, table.stacked tr, table.stacked td { display: block; }
      table.stacked tr { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; padding: .3rem .6rem; }
      table.stacked td { border: none; padding: .15rem 0 .15rem 7.2rem; text-align: left; overflow-wrap: anywhere; }
      table.stacked td::before { content: attr(data-label); float: left; width: 6.8rem; margin-left: -7.2rem;
                                 color: var(--muted); font-size: .85rem; line-height: 1.9; }
      table.stacked td::after { content: ""; display: block; clear: both; }
      table.stacked td:empty { display: none; }
      table.stacked td.nowrap { white-space: normal; }
    }
    @media print {
      body { background: #fff; }
      header.site nav, button, form.check-form, footer, nav.office, form.filters, .downloads, .who form { display: none; }
      .table-wrap { overflow: visible; }
      section.card, form.card { break-inside: avoid; }
      header.site { background: none; color: #000; border-bottom: 1px solid #000; }
      header.site .en { color: #333; }
      html { font-size: 12px; }
      main { max-width: none; padding: 0; }
      .table-wrap table { min-width: 0; }
      .scroll-hint { display: none !important; }
      th, td { padding: .2rem .3rem; }
      .verdict { border-width: 1px; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
