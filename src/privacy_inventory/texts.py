"""The texts people read, in Japanese and English: key → (日本語, English). Looked up with i18n.t()."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {}

# --- reasons of risk scores (explain.py) --------------------------------------------------------------
TEXTS |= {
    "reason.part": ("{what}（{axis}{n}）", "{what} ({axis} {n})"),
    "reason.severity": ("影響度", "severity"),
    "reason.likelihood": ("発生可能性", "likelihood"),
    "reason.with": ("{what}：{value}", "{what}: {value}"),
    "reason.clamped": ("→{final}（上限・下限で調整）", "→ {final} (kept within 1–4)"),
    "reason.sep": ("／", "; "),
    "reason.never_inspected": ("委託先の点検記録なし", "no inspection of the outsourcee recorded"),
    "reason.inspected_months_ago": (
        "委託先の点検が{months}か月前",
        "outsourcee last inspected {months} months ago",
    ),
    "reason.controls_moved": ("実施済の対策 {ids}（{moved}）", "implemented controls {ids} ({moved})"),
    "reason.axis_value": ("{axis}{n}", "{axis} {n}"),
    "reason.ids_sep": ("・", ", "),
    "reason.ids_more": (" ほか{n}件", " and {n} more"),
    "reason.item_flows": (
        "提供・受領{n}件のうち高以上{high}件（最も高い：{worst}）",
        "{high} of {n} flows high or worse (worst: {worst})",
    ),
    "reason.not_shared": ("提供なし（保管時のリスク）", "not shared (risk at rest)"),
}

# --- the public notice generated from the ledger (notice.py) ------------------------------------------
TEXTS |= {
    "notice.title": (
        "個人情報の利用目的及び共同利用について",
        "Purposes of use and joint use of personal information",
    ),
    "notice.generated": (
        "この文書は個人情報管理台帳から生成しました。",
        "Generated from the personal-data ledger.",
    ),
    "notice.purposes": ("利用目的", "Purposes of use"),
    "notice.purposes_intro": (
        "{org}は、以下の目的のために個人情報を利用します。",
        "{org} uses personal information for the following purposes.",
    ),
    "notice.entrusted": ("受託業務における利用", "Use in entrusted business"),
    "notice.joint": ("個人データの共同利用", "Joint use of personal data"),
    "notice.joint_intro": (
        "{org}は、以下のとおり個人データを特定の者との間で共同して利用します。",
        "{org} uses personal data jointly with the parties below, as follows.",
    ),
    "notice.arrangement": ("共同利用{n}：{title}", "Joint use {n}: {title}"),
    "notice.arrangement_untitled": ("共同利用{n}", "Joint use {n}"),
    "notice.items": ("共同して利用される個人データの項目", "Items of personal data jointly used"),
    "notice.all_items": ("取得した個人情報の全ての項目", "all items of personal information acquired"),
    "notice.users": ("共同して利用する者の範囲", "Scope of joint users"),
    "notice.joint_purposes": ("利用する者の利用目的", "Purposes of use of the joint users"),
    "notice.purposes_reference": (
        "{org}の利用目的（上記）の範囲内",
        "within the purposes of use of {org} (above)",
    ),
    "notice.excluding": ("（{what}）", " ({what})"),
    "notice.manager": (
        "当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名",
        "Name and address of the person responsible for managing the personal data and, "
        "for a legal person, its representative's name",
    ),
    "notice.name": ("名称", "Name"),
    "notice.address": ("住所", "Address"),
    "notice.representative": ("代表者", "Representative"),
    "notice.what_name": ("名称", "name"),
    "notice.what_address": ("住所", "address"),
    "notice.what_representative": ("代表者の氏名", "representative's name"),
    "notice.colon": ("：", ": "),
    "notice.sep": ("、", ", "),
    "notice.users_sep": ("・", "; "),
    "notice.placeholder": ("【未記載：{what}（法27条5項3号）】", "[MISSING: {what} (APPI Art.27(5)(iii))]"),
    "notice.gap": (
        "共同利用 {id}：管理責任者の{what}が台帳にありません（法27条5項3号）。公表文には【未記載】と表示しました。",
        "joint use {id}: the manager's {what} is not in the ledger (APPI Art.27(5)(iii)); a placeholder is shown.",
    ),
}

# --- notice --compare: the published policy against the ledger (notice.py, cli/compliance.py) ----------------
TEXTS |= {
    "compare.lines": ("{first}〜{last}行", "lines {first}–{last}"),
    "compare.read": (
        "公表文 {file}：利用目的{purposes}件、共同利用{arrangements}件、共同利用の項目{items}件、共同利用者{joint_users}件",
        "Published policy {file}: {purposes} purposes, {arrangements} joint-use arrangements, "
        "{items} joint-use items, {joint_users} joint users",
    ),
    "compare.same": (
        "台帳と公表文に差異はありません",
        "no difference between the ledger and the published policy",
    ),
    "compare.title": (
        "差異（台帳のみ：実施しているが公表されていない／公表文のみ：公表しているが台帳にない）",
        "Differences (in the ledger only: done but not published; in the policy only: published but not in the ledger)",
    ),
    "compare.notes": ("公表文の記載の問題", "Problems of the published text"),
    "compare.open": (
        "公表文の「その他」の記載（比較していません）：{phrases}",
        "Open categories in the policy (not compared): {phrases}",
    ),
    "compare.col.kind": ("区分", "what"),
    "compare.col.where": ("所在", "where"),
    "compare.col.joint_use_id": ("共同利用", "joint use"),
    "compare.col.id": ("ID", "id"),
    "compare.col.text": ("内容", "text"),
    "compare.col.line": ("行", "line"),
}

# --- incidents (incident.py) ----------------------------------------------------------------------------
TEXTS |= {
    "incident.trigger.i_special_care": (
        "要配慮個人情報が含まれる（規則7条1号）",
        "special-care information included (PPC Rules Art.7(i))",
    ),
    "incident.trigger.ii_financial_damage": (
        "不正利用により財産的被害が生じるおそれ（規則7条2号）",
        "misuse may cause financial damage (PPC Rules Art.7(ii))",
    ),
    "incident.trigger.iii_unlawful_purpose": (
        "不正の目的によるおそれ（規則7条3号）",
        "possibly for an unlawful purpose (PPC Rules Art.7(iii))",
    ),
    "incident.trigger.iv_over_1000_people": (
        "本人の数が1,000人を超える（規則7条4号）",
        "more than 1,000 people (PPC Rules Art.7(iv))",
    ),
}

# --- charts of the review (report/charts.py) --------------------------------------------------------------
TEXTS |= {
    "chart.items": ("項目", "items"),
    "chart.purposes": ("利用目的", "purposes"),
    "chart.partners": ("提供先", "partners"),
    "chart.count": ("件数", "count"),
    "chart.flows": ("フロー数", "flows"),
    "chart.coverage": ("項目×利用目的", "Items × purposes"),
    "chart.sankey": ("項目 → 利用目的 → 提供先", "Item → purpose → partner"),
    "chart.by_category": ("区分別の項目数", "Items by category"),
    "chart.by_department": ("部門別の項目数", "Items by department"),
    "chart.special": ("要配慮個人情報", "Special-care information"),
    "chart.yes": ("該当", "yes"),
    "chart.no": ("非該当", "no"),
    "chart.by_kind": ("種別ごとの提供先", "Partners by kind"),
    "chart.severity": ("重大度", "severity"),
    "chart.likelihood": ("発生可能性", "likelihood"),
    "chart.inherent": ("固有リスク", "Inherent risk"),
    "chart.residual": ("残留リスク（実施済の対策後）", "Residual risk (after implemented controls)"),
    "chart.partner_rank": ("提供先のリスク（上位）", "Partner risk (top)"),
    "chart.score": ("スコア", "score"),
    "chart.findings_by_rule": ("条文別・重大度別の指摘", "Findings by article and severity"),
    "chart.findings": ("指摘数", "findings"),
    "chart.whatif": ("計画中の対策を実施した場合", "If the planned controls were implemented"),
    "chart.level": ("リスク水準", "risk level"),
    "chart.whatif_short": ("計画実施後", "what-if"),
    "chart.inherent_short": ("固有", "inherent"),
    "chart.residual_short": ("残留", "residual"),
    "chart.statutory": ("法令に基づく提供（目的なし）", "statutory provision (no purpose)"),
    "chart.category": ("区分", "category"),
    "chart.controls": ("区分別の安全管理措置", "Controls by category"),
    "chart.status": ("状態", "status"),
    "chart.previous": ("前期", "previous"),
    "chart.now": ("今期", "now"),
    "chart.trend": ("期間ごとの推移", "Trend across periods"),
    "chart.trend_high_risk_flows_residual": ("高以上のフロー（残留）", "high+ flows (residual)"),
    "chart.trend_open_findings": ("指摘（高・中）", "findings (high, medium)"),
    "chart.trend_overdue_actions": ("期限超過の処置", "overdue actions"),
    "chart.trend_items": ("項目", "items"),
    "chart.trend_partners": ("提供先", "partners"),
}

# --- report pages: titles, the index page, tables (report/) -------------------------------------------
TEXTS |= {
    "page.01_inventory": ("台帳の概要", "Inventory"),
    "page.02_risk": ("リスク評価", "Risk"),
    "page.03_compliance": ("法令適合性", "Compliance"),
    "page.04_review": ("期間レビュー（PDCA）", "Period review (PDCA)"),
    "table.more_rows": ("{note}（ほか{n}行はCSVにあります）", "{note} ({n} more rows in the CSV)"),
    "index.title": ("四半期レビュー", "Quarterly review"),
    "index.pages": ("報告書", "Report pages"),
    "index.data": ("データ", "Data"),
    "index.generated": ("作成日時", "Generated"),
    "index.items": ("項目", "items"),
    "index.flows": ("フロー", "flows"),
    "index.partners": ("提供先", "partners"),
    "index.high": ("高以上のフロー（残留）", "high+ flows (residual)"),
    "index.findings_high": ("重大度「高」の指摘", "high findings"),
    "index.overdue": ("期限超過の処置", "overdue actions"),
    "index.as_of": ("評価基準日", "assessed as of"),
    "index.top": ("最もリスクの高いフロー", "highest-risk flow"),
    "index.file.scores.csv": ("全フローのリスク（理由付き）", "every flow's risk with reasons"),
    "index.file.items_scores.csv": ("項目別リスク", "risk per item"),
    "index.file.partners_scores.csv": ("提供先別リスク", "risk per partner"),
    "index.file.findings.csv": ("全指摘（条文・是正策付き）", "every finding with article and fix"),
    "index.file.summary.json": ("主要指標（機械可読）", "headline figures (machine-readable)"),
    "index.file.manifest.json": ("全ファイルのSHA-256", "SHA-256 of every file"),
}

# --- the incident report (notebook 05) ----------------------------------------------------------------------
TEXTS |= {
    "incident.required": ("報告・本人通知が必要", "report and notice required"),
    "incident.not_required": ("報告は不要", "no report required"),
    "incident.page_title": ("{org} — 漏えい等事案の評価（{date}）", "{org} — incident assessment ({date})"),
    "incident.verdict": ("判定", "verdict"),
    "incident.people": ("本人の数", "people affected"),
    "incident.final_by": ("確報の期限", "final report due"),
    "incident.triggers": ("報告対象の事態（規則7条）", "reportable events (PPC Rules Art.7)"),
    "incident.enisa": ("重大度（ENISA 2013）", "Severity (ENISA 2013)"),
    "incident.affected_items": ("影響を受ける項目", "Affected items"),
    "incident.se_parts": ("SE = {se}（{band}）の内訳", "SE = {se} ({band}): its parts"),
    "incident.draft": ("報告書の下書き（規則8条1項）", "Draft report (PPC Rules Art.8(1))"),
}

# --- report cells (report/cells.py, report/display.py, report/labels.py) ----------------------------------
TEXTS |= {
    "cell.page_title": ("{org} — {page}（{period}）", "{org} — {page} ({period})"),
    "cell.as_of_line": (
        "評価基準日 {as_of}（期末日）・台帳 {ledger}",
        "assessed as of {as_of} (the period's last day) · ledger {ledger}",
    ),
    "cell.items": ("個人情報の項目", "Personal-data items"),
    "cell.partners_table": ("提供先・委託先・共同利用者", "Recipients, outsourcees and joint users"),
    "cell.top_flows": ("リスクの高い提供・受領（固有リスク順）", "Highest-risk flows (by inherent risk)"),
    "cell.top_flows_residual": (
        "対策後も残るリスクの高い提供・受領",
        "Highest residual risks after the implemented controls",
    ),
    "cell.top_items": ("リスクの高い項目", "Highest-risk items"),
    "cell.partners": ("提供先別のリスク", "Risk by recipient"),
    "cell.whatif": ("計画中の対策で下がるリスク", "Risks the planned controls would lower"),
    "cell.none": ("該当なし", "None."),
    "cell.count": ("{n}件", "{n}"),
    "cell.assumption_note": (
        "「仮定」とある指摘は、方針に記載のない例示値に基づきます。",
        "Findings marked 'assumption' rest on an illustrative value the policy does not state.",
    ),
    "cell.finding_list": ("指摘と是正策（規則別）", "Findings and fixes, by rule"),
    "cell.info_list": (
        "参考：漏えい時に報告対象となる項目など",
        "For reference: items whose leak would have to be reported, and similar notes",
    ),
    "cell.notice": ("台帳から生成した公表文", "Notice generated from the ledger"),
    "cell.compare": ("公表済みの方針との差異", "Differences from the published policy"),
    "cell.no_diff": (
        "差異はありません（利用目的{purposes}件、共同利用の項目{items}件、共同利用者{users}件を照合）。",
        "No differences ({purposes} purposes, {items} joint-use items and {users} joint users compared).",
    ),
    "cell.no_policy": (
        "台帳に公表済みの方針の本文がないため、照合していません。",
        "The ledger holds no published policy text, so nothing was compared.",
    ),
    "policy.kind.purpose": ("利用目的", "purpose"),
    "policy.kind.item": ("共同利用の項目", "joint-use item"),
    "policy.kind.joint_user": ("共同利用者", "joint user"),
    "policy.where.ledger_only": ("台帳のみ（公表されていない）", "in the ledger only (not published)"),
    "policy.where.policy_only": ("方針のみ（台帳にない）", "in the policy only (not in the ledger)"),
    "cell.since_previous": ("前期からの変化", "Since the previous period"),
    "cell.since": ("前期（{period}）からの変化", "Since the previous period ({period})"),
    "cell.no_previous": (
        "比較できる前期のレポートがありません。",
        "No earlier period is stored to compare with.",
    ),
    "cell.risk_up": ("リスク上昇", "risks up"),
    "cell.risk_down": ("リスク低下", "risks down"),
    "cell.findings_opened": ("新たな指摘", "findings opened"),
    "cell.findings_resolved": ("解消した指摘", "findings resolved"),
    "cell.ledger_changes": ("台帳の変更内容", "Changes to the ledger"),
    "cell.level_movement": (
        "残留リスクの水準の移動（前期→今期）",
        "Residual risk levels, previous period → now",
    ),
    "cell.measure_inherent": ("固有", "inherent"),
    "cell.measure_residual": ("残留", "residual"),
    "cell.risk_moves": ("水準が変わった提供・受領", "Flows whose level moved"),
    "cell.findings_changes": ("指摘の発生と解消", "Findings opened and resolved"),
    "cell.joint_use_notices": (
        "通知・公表が必要な共同利用の変更（法27条6項）",
        "Joint-use changes that need a notice (APPI Art.27(6))",
    ),
    "cell.trend_needs_two": (
        "推移を示すには2期以上のレポートが必要です。",
        "Trends need two or more periods.",
    ),
    "cell.actions": ("改善処置（期限超過を先頭に）", "Improvement actions (overdue first)"),
    "cell.register": ("処置の状況", "The action register"),
    "cell.controls": ("安全管理措置", "Safety-management controls"),
    "register.overdue": ("期限超過の処置", "overdue actions"),
    "register.unaddressed_findings": ("処置のない重大度「高」の指摘", "high findings with no action"),
    "register.unaddressed_risks": ("処置のない高リスク（残留）", "high residual risks with no action"),
    "register.ready_to_close": ("指摘が解消し完了できる処置", "actions ready to close"),
    "register.closed_without_evidence": ("根拠なしに完了した処置", "closed without evidence"),
    "kpi.items": ("項目", "items"),
    "kpi.special_care_items": ("要配慮個人情報の項目", "special-care items"),
    "kpi.purposes": ("利用目的", "purposes"),
    "kpi.partners": ("提供先・委託先", "recipients"),
    "kpi.flows": ("提供・受領", "flows"),
    "kpi.high_inherent": ("「高」以上のリスク（対策前）", "high or worse, before controls"),
    "kpi.high_residual": ("「高」以上のリスク（対策後）", "high or worse, after controls"),
    "kpi.findings_high": ("重大度「高」の指摘", "high findings"),
    "kpi.findings_medium": ("重大度「中」の指摘", "medium findings"),
    "kpi.findings_low": ("重大度「低」の指摘", "low findings"),
    "kpi.overdue": ("期限超過の処置", "overdue actions"),
    "cards.since": ("▲▼は前期（{period}）との差", "▲▼: change since the previous period ({period})"),
    "table.top_of": ("{total}件中、上位{shown}件を表示。", "Showing the top {shown} of {total}."),
    "table.all_rows_in": ("全件：{file}", "All rows: {file}"),
    "value.yes": ("はい", "yes"),
    "value.no": ("いいえ", "no"),
    "value.all": ("全体", "everything"),
    "source.policy": ("方針", "policy"),
    "source.regulation": ("規則", "internal rules"),
    "source.record": ("記録", "record"),
    "source.assumption": ("仮定", "assumption"),
    "source.synthetic": ("合成", "synthetic"),
    "subject.organisation": ("組織情報", "the organisation"),
    "subject.control_category": ("安全管理措置の区分", "category of controls"),
    "subject.rule": ("ルール", "rule"),
    "subject.joint_use_group": ("共同利用者{group}", "joint users {group}"),
    "mitigation.planned": (
        "計画中の対策（{controls}）の実施で「{level}」へ",
        "the planned controls ({controls}) would bring it to {level}",
    ),
    "mitigation.base": (
        "アクセス制御・持出し管理など、この提供に対策を計画する",
        "plan a control for this flow (access control, handling rules, …)",
    ),
    "mitigation.lik_foreign_country": (
        "外国の制度を把握し（外的環境の把握）、提供先の措置を確認する",
        "assess the foreign country's system and the recipient's measures",
    ),
    "mitigation.lik_channel": (
        "紙・メールでの受け渡しを、暗号化した電子的な受け渡しに改める",
        "replace paper or email transfer by an encrypted electronic one",
    ),
    "mitigation.lik_unencrypted": (
        "受け渡しと保管を暗号化する",
        "encrypt the transfer and the data at the recipient",
    ),
    "mitigation.lik_no_contract": (
        "安全管理措置を定めた委託契約を締結する",
        "sign an outsourcing contract with safety terms",
    ),
    "mitigation.lik_inspection_overdue": (
        "委託先を点検する（実地または報告徴収）",
        "inspect the outsourcee (on site or by report)",
    ),
    "mitigation.lik_subcontracting_unknown": (
        "再委託の有無と再委託先を把握する",
        "find out whether and to whom the outsourcee sub-contracts",
    ),
    "mitigation.sev_special_care": (
        "要配慮個人情報の提供を必要最小限にする",
        "keep special-care data shared to the minimum needed",
    ),
    "mitigation.sev_my_number": (
        "特定個人情報の提供を番号法19条の場合に限る",
        "provide My Numbers only in the cases of the My Number Act Art.19",
    ),
    "mitigation.sev_property_damage": (
        "口座情報などへのアクセスを限定し暗号化する",
        "restrict and encrypt access to account data",
    ),
    "mitigation.sev_identifiability": (
        "仮名化など、本人を識別しにくくする",
        "make the data harder to link to a person (pseudonymise)",
    ),
    "mitigation.sev_volume": (
        "提供する件数・項目を必要最小限にする",
        "share fewer people's data, only what is needed",
    ),
    "col.item_id": ("項目ID", "item"),
    "col.item": ("項目", "item"),
    "col.name": ("名称", "name"),
    "col.category": ("区分", "category"),
    "col.special_care": ("要配慮", "special care"),
    "col.my_number": ("特定個人情報", "My Number"),
    "col.property_damage": ("財産的被害のおそれ", "financial damage"),
    "col.records": ("人数", "people"),
    "col.department": ("管理部門", "department"),
    "col.origin": ("出典", "source"),
    "col.partner_id": ("提供先ID", "recipient"),
    "col.partner": ("提供先", "recipient"),
    "col.kind": ("種別", "kind"),
    "col.country": ("国", "country"),
    "col.contract_date": ("契約日", "contract"),
    "col.last_inspection": ("直近の点検", "last inspected"),
    "col.flow_id": ("フロー", "flow"),
    "col.what": ("項目 → 提供先", "item → recipient"),
    "col.basis": ("根拠", "basis"),
    "col.level": ("固有リスク", "inherent risk"),
    "col.residual_level": ("残留リスク", "residual risk"),
    "col.whatif_level": ("計画実施後", "with planned controls"),
    "col.reason": ("理由", "why"),
    "col.remedy": ("下げるには", "what would lower it"),
    "col.n_flows": ("提供・受領", "flows"),
    "col.n_high_flows": ("うち「高」以上", "of them high+"),
    "col.n_items": ("項目数", "items"),
    "col.planned_controls": ("効果のある計画中の対策", "planned controls that lower it"),
    "col.fix": ("是正策", "fix"),
    "col.table": ("表", "table"),
    "col.id": ("ID", "id"),
    "col.change": ("変更", "change"),
    "col.field": ("項目名", "field"),
    "col.old": ("変更前", "before"),
    "col.new": ("変更後", "after"),
    "col.article": ("条文", "article"),
    "col.timing": ("本人への通知・公表の時期", "when the person must be told"),
    "col.notice_updated": ("通知・公表日の更新", "notice date updated"),
    "col.measure": ("リスク", "risk"),
    "col.direction": ("方向", "direction"),
    "col.old_level": ("前期", "before"),
    "col.new_level": ("今期", "now"),
    "col.why": ("今期の理由", "why (now)"),
    "col.severity": ("重大度", "severity"),
    "col.rule": ("ルール", "rule"),
    "col.subject": ("対象", "subject"),
    "col.message": ("内容", "finding"),
    "col.action_id": ("処置", "action"),
    "col.title": ("内容", "what"),
    "col.target": ("対象", "about"),
    "col.owner": ("担当", "owner"),
    "col.due": ("期限", "due"),
    "col.state": ("状態", "state"),
    "col.control_id": ("措置", "control"),
    "col.control": ("措置", "control"),
    "col.scope": ("適用範囲", "applies to"),
    "col.status": ("状態", "status"),
    "col.last_reviewed": ("直近の見直し", "last reviewed"),
    "col.text": ("内容", "text"),
    "col.where": ("所在", "where"),
    "datatables.search": ("表内を検索：", "Search this table:"),
    "datatables.info": ("_TOTAL_件中 _START_〜_END_件", "_START_–_END_ of _TOTAL_"),
    "datatables.infoEmpty": ("0件", "0 rows"),
    "datatables.infoFiltered": ("（全_MAX_件から絞り込み）", "(filtered from _MAX_)"),
    "datatables.lengthMenu": ("_MENU_件ずつ表示", "Show _MENU_ rows"),
    "datatables.zeroRecords": ("該当する行はありません", "No matching rows"),
    "datatables.emptyTable": ("行がありません", "No rows"),
    "incident.component": ("要素", "part"),
    "incident.value": ("値", "value"),
    "incident.basis": ("根拠", "basis"),
    "chart.cell_hover": (
        "影響度 {sev} × 発生可能性 {lik}：{level}<br>対策後 {now}件（対策前 {before}件）",
        "severity {sev} × likelihood {lik}: {level}<br>after controls {now} (before {before})",
    ),
    "chart.likelihood_axis": ("発生可能性", "likelihood"),
    "chart.severity_axis": ("影響度", "severity"),
    "chart.legend": ("リスク水準", "risk level"),
    "chart.map_note": (
        "数字は実施済の対策後の件数（括弧内は対策前）。矢印は対策による移動。",
        "Numbers: rows after the implemented controls (before them in brackets). Arrows: where the controls moved them.",
    ),
    "chart.map_title_flows": ("リスクマップ（提供・受領）", "Risk map (flows)"),
    "chart.map_title_items": ("リスクマップ（項目）", "Risk map (items)"),
    "chart.map_title_partners": ("リスクマップ（提供先）", "Risk map (recipients)"),
    "chart.dpc_times_ei": ("データの性質×識別容易性", "data × identifiability"),
    "chart.cb_confidentiality": ("状況：機密性", "circumstances: confidentiality"),
    "chart.cb_integrity": ("状況：完全性", "circumstances: integrity"),
    "chart.cb_availability": ("状況：可用性", "circumstances: availability"),
    "chart.cb_malicious": ("状況：悪意", "circumstances: malice"),
    "chart.se_parts": ("重大度 SE = {se}（{band}）の内訳", "Severity SE = {se} ({band}): its parts"),
}
TEXTS |= {"cell.high_findings": ("重大度「高」の指摘と是正策", "High findings and their fixes")}

# --- the board summary (index.html, report/board.py) ------------------------------------------------------
TEXTS |= {
    "page.index": ("概要", "Summary"),
    "board.message": ("今期の要点", "This period in brief"),
    "board.figures": ("主要な数値", "Key figures"),
    "board.top_risks": ("対策後も残る上位のリスク", "The highest risks left after the implemented controls"),
    "board.why": ("理由", "Why"),
    "board.remedy": ("下げるには", "What would lower it"),
    "board.actions": ("期限超過・期限の近い改善処置", "Improvement actions overdue or due soon"),
    "board.findings": ("重大度「高」の法令上の指摘", "High findings under the law"),
    "board.asks": ("理事会にお諮りする事項", "What the board is asked to decide or note"),
    "board.data": ("データ", "Data"),
    "board.as_of": ("評価基準日", "Assessed as of"),
    "board.generated": ("作成日時", "Generated"),
    "board.no_actions": ("期限超過・期限の近い処置はありません。", "No action is overdue or due soon."),
    "board.no_findings": ("重大度「高」の指摘はありません。", "No high findings."),
    "board.no_risks": ("評価の対象となる提供・受領はありません。", "No flows to assess."),
    "board.nav": ("レポートのページ", "Report pages"),
    "board.pages": ("詳細のページ", "Detailed pages"),
    "board.owner": ("担当", "Owner"),
    "board.due": ("期限", "Due"),
    "board.fix": ("是正策", "Fix"),
    "board.more": ("詳細", "Details"),
    "board.no_owner": ("（未定）", "(none)"),
    "board.same": ("増減なし", "no change"),
    "board.vs_previous": ("（前期{period}比 {delta}）", " ({delta} since {period})"),
    "board.msg_risk": (
        "{period}（評価基準日 {as_of}）時点で、実施済の対策を考慮しても「高」以上のリスクが残る個人データの提供・受領は{n}件です{change}。",
        "As of {as_of} ({period}), {n} flows of personal data remain at high risk or worse after the implemented controls{change}.",
    ),
    "board.msg_findings": (
        "個人情報保護法・番号法上、重大度「高」の指摘が{n}件あり{change}、うち{unaddressed}件は改善処置が決まっていません。",
        "There are {n} high findings under APPI and the My Number Act{change}; {unaddressed} of them have no action yet.",
    ),
    "board.msg_no_high_findings": (
        "重大度「高」の法令上の指摘はありません。",
        "There are no high findings under the law.",
    ),
    "board.msg_overdue": ("期限を過ぎた改善処置が{n}件あります。", "{n} improvement actions are overdue."),
    "board.msg_no_overdue": ("期限を過ぎた改善処置はありません。", "No improvement action is overdue."),
    "board.ask_accept": (
        "【決議】残留リスクが「{level}」の{n}件について、追加の対策を講じるか、リスクを受容するかのご判断（JIS Q 15001 の残留リスクの承認）",
        "[Decide] For the {n} flows whose residual risk is {level}: add controls or accept the risk (residual-risk approval, JIS Q 15001)",
    ),
    "board.ask_findings": (
        "【決議】処置の決まっていない重大度「高」の指摘{n}件への対応方針のご承認",
        "[Decide] Approve how the {n} high findings with no action will be addressed",
    ),
    "board.ask_risks": (
        "【決議】対策の決まっていない高リスク（残留）{n}件への対策のご承認",
        "[Decide] Approve controls for the {n} high residual risks nobody acts on",
    ),
    "board.note_overdue": (
        "【報告】期限を過ぎた改善処置{n}件の状況",
        "[Note] The {n} overdue improvement actions",
    ),
    "board.note_changes": (
        "【報告】前期（{period}）からの台帳とリスクの変化",
        "[Note] Changes to the ledger and its risks since {period}",
    ),
    "board.nothing_to_decide": (
        "今期、理事会にお諮りする事項はありません。",
        "Nothing to decide this period.",
    ),
}

# --- progress of long jobs (cli/render.StepProgress) -------------------------------------------------------
TEXTS |= {
    "progress.started": ("開始", "started"),
    "progress.waiting": ("準備中", "getting ready"),
    "progress.start": ("{step}…", "{step}…"),
    "progress.done": ("{step} 完了", "{step} done"),
    "step.assess": ("スコアと指摘の計算", "scoring and checking"),
    "step.results": ("結果とスナップショットの書き出し", "writing results and the snapshot"),
    "step.01_inventory": ("台帳の概要ページ", "the inventory page"),
    "step.02_risk": ("リスク評価ページ", "the risk page"),
    "step.03_compliance": ("法令適合性ページ", "the compliance page"),
    "step.04_review": ("期間レビューページ", "the period review page"),
    "step.index": ("概要ページ", "the summary page"),
}
TEXTS |= {"incident.report_title": ("漏えい等事案の評価（{date}）", "Incident assessment ({date})")}
TEXTS |= {"cell.bundled_ledger": ("同梱の例示台帳", "the bundled example ledger")}

# --- exploration (notebooks/explore.ipynb) -------------------------------------------------------------------
TEXTS |= {
    "explore.title": ("{what} に関係するもの", "Everything connected to {what}"),
    "explore.flows": ("提供・受領とリスク", "Flows and their risk"),
    "explore.findings": ("指摘", "Findings"),
    "explore.controls": ("適用される安全管理措置", "Controls that apply"),
    "explore.actions": ("改善処置", "Actions"),
    "explore.history": ("期ごとの推移", "Across periods"),
    "explore.what_if": (
        "計画中の対策（{controls}）を実施した場合",
        "If the planned controls ({controls}) were implemented",
    ),
    "explore.all_planned": ("すべて", "all"),
    "explore.what_if_changes": ("残留リスクが変わる提供・受領", "Flows whose residual risk would change"),
    "explore.no_widgets": (
        "対話的な選択には ipywidgets が必要です（pip install -e '.[lab]'）。下のセルの引数を変えて実行しても同じ結果が得られます。",
        "Interactive picking needs ipywidgets (pip install -e '.[lab]'); changing the arguments of the cells below gives the same.",
    ),
    "explore.kind_item": ("項目", "item"),
    "explore.kind_partner": ("提供先", "recipient"),
    "explore.kind_department": ("部門", "department"),
    "explore.kind_purpose": ("利用目的", "purpose"),
    "col.period": ("期", "period"),
    "col.fix_text": ("是正策", "fix"),
}
TEXTS |= {"page.explore": ("探索", "Explore")}
TEXTS |= {"cell.more_subjects": ("ほか{n}件（全件は findings.csv）", "and {n} more (all in findings.csv)")}
TEXTS |= {
    "cell.shortened": ("…（全{n}文字）", "… ({n} characters in all)"),
    "cell.more_entries": ("ほか{n}件", "and {n} more"),
    "cell.notice_file": ("公表文の全文は notice.html にあります。", "The full notice is in notice.html."),
    "index.file.notice.html": (
        "台帳から生成した公表文（全文）",
        "the public notice generated from the ledger, in full",
    ),
    "index.file.scores.csv": (
        "提供・受領のリスク（理由付き、2万件まではすべて・それを超えるときはリスクの高い順に2万件）",
        "flows' risk with reasons (every flow up to 20,000, else the worst 20,000)",
    ),
    "index.file.findings.csv": (
        "指摘（条文・是正策付き、5万件までは全件・超えるときは重大度の高い順）",
        "findings with article and fix (all up to 50,000, else the most severe 50,000)",
    ),
}
TEXTS |= {
    "board.actions_more": (
        "ほか{n}件（期間レビューのページに全件）",
        "and {n} more (all on the period review page)",
    )
}
TEXTS |= {
    "verify.history": (
        "保存されているすべての期（{periods}）と期の連鎖",
        "every stored period ({periods}) and the chain between them",
    ),
    "verify.intact": (
        "すべてのファイルがマニフェストと一致し、期の連鎖も保たれています",
        "every file matches its manifest and the chain holds",
    ),
    "verify.intact_period": (
        "すべてのファイルがマニフェストと一致しています",
        "every file matches its manifest",
    ),
    "verify.problems": ("マニフェストと一致しないもの", "what does not match the manifests"),
}

# --- the 個人情報管理台帳 for a Privacy Mark (JIS Q 15001) audit (report/daicho.py) ---------------------------
TEXTS |= {
    "daicho.sheet": ("個人情報管理台帳", "Personal data ledger"),
    "daicho.notes_sheet": ("凡例", "Notes"),
    "daicho.col.number": ("管理番号", "No."),
    "daicho.col.item": ("個人情報の項目", "Personal data item"),
    "daicho.col.subjects": ("本人の区分", "Whose data"),
    "daicho.col.records": ("件数", "Records"),
    "daicho.col.purposes": ("利用目的", "Purposes of use"),
    "daicho.col.acquisition": ("取得方法", "How acquired"),
    "daicho.col.storage": ("保管場所・保管方法", "Where and how kept"),
    "daicho.col.access": ("アクセス権を有する者", "Who may access it"),
    "daicho.col.use_until": ("利用期限", "Used until"),
    "daicho.col.retention": ("保管期限", "Kept until"),
    "daicho.col.disposal": ("廃棄方法", "Disposal"),
    "daicho.col.partners": ("委託先・提供先・共同利用者", "Outsourcees, recipients, joint users"),
    "daicho.col.department": ("管理部門", "Department"),
    "daicho.col.manager": ("管理責任者", "Manager"),
    "daicho.col.special_care": ("要配慮の有無", "Special care"),
    "daicho.col.my_number": ("特定個人情報の有無", "My Number"),
    "daicho.col.risk": ("リスク（固有・残留）", "Risk (inherent, residual)"),
    "daicho.col.last_confirmed": ("最終確認日", "Last confirmed"),
    "daicho.col.source": ("出典・仮定", "Source and assumptions"),
    "daicho.missing": ("【未記載】", "[not recorded]"),
    "daicho.yes": ("有", "yes"),
    "daicho.no": ("無", "no"),
    "daicho.no_partners": ("なし（組織内の利用のみ）", "none (used within the organisation only)"),
    "daicho.statutory": (
        "（法令に基づく提供等：利用目的によらない）",
        "(provision required by law etc.: not for a purpose of use)",
    ),
    "daicho.storage.system": ("媒体・システム：{value}", "medium / system: {value}"),
    "daicho.storage.location": ("保管場所：{value}", "where: {value}"),
    "daicho.storage.method": ("保管方法：{value}", "how: {value}"),
    "daicho.partner_group": ("{kind}：{names}", "{kind}: {names}"),
    "daicho.list_sep": ("、", ", "),
    "daicho.more": ("…ほか{n}件", "… and {n} more"),
    "daicho.risk": ("固有：{inherent}／残留：{residual}", "inherent: {inherent} / residual: {residual}"),
    "daicho.source": ("出典：{source}", "source: {source}"),
    "daicho.source.policy": ("基本方針", "policy"),
    "daicho.source.regulation": ("規則", "rules"),
    "daicho.source.record": ("記録", "record"),
    "daicho.source.assumption": ("仮定", "assumption"),
    "daicho.source.synthetic": ("合成データ", "synthetic"),
    "daicho.assumed": ("仮定の値：{columns}", "assumed: {columns}"),
    "daicho.page_header": ("{org}　個人情報管理台帳", "{org} personal data ledger"),
    "daicho.page_as_of": ("評価基準日 {as_of}", "assessed as of {as_of}"),
    "daicho.page_number": ("&P／&N ページ", "page &P of &N"),
    "daicho.note.title": (
        "個人情報管理台帳（JIS Q 15001・プライバシーマーク）",
        "Personal data ledger (JIS Q 15001, Privacy Mark)",
    ),
    "daicho.note.generated": (
        "privacy-inventory で台帳（{ledger}）から作成しました。評価基準日：{as_of}。",
        "Made by privacy-inventory from the ledger {ledger}. Assessed as of {as_of}.",
    ),
    "daicho.note.rows": (
        "1行が1つの項目です。項目の利用目的ごとに委託先・提供先・共同利用者が異なるときは、利用目的ごとに行を分けています（管理番号 I001-1, I001-2 …）。",
        "One row per item; where an item goes to different partners for different purposes, one row per "
        "such group of purposes (numbers I001-1, I001-2, …).",
    ),
    "daicho.note.missing": (
        "【未記載】は台帳に値がないことを示します。台帳に記入してから再出力してください。",
        "[not recorded] marks a value the ledger lacks; fill it in and export again.",
    ),
    "daicho.note.risk": (
        "リスクは項目ごとの重大度×発生可能性（最も高い提供・受領、提供がなければ保管時）で、残留リスクは実施済の安全管理措置の後の水準です（privacy-inventory score と同じ）。",
        "Risk is the item's severity × likelihood (its worst flow, or at rest when it goes nowhere); residual "
        "is after the implemented controls (the same as privacy-inventory score).",
    ),
    "daicho.note.confirmed": (
        "最終確認日が評価基準日から12か月以上前、または記録がない行は色付きで示します（JIS Q 15001：少なくとも年1回の確認）。",
        "Last-confirmed dates 12 months or more before the assessment date, or missing, are highlighted "
        "(JIS Q 15001: confirmed at least yearly).",
    ),
    "daicho.note.assumed": (
        "「出典・仮定」の列は、各行の出典と、方針等に記載がなく仮定とした値の列を示します。",
        "The source column gives each row's source and which of its values are assumptions.",
    ),
}

# --- the Fides data map (ledger/fides.py): written as "日本語 / English" -----------------------------------
TEXTS |= {
    "fides.statutory": (
        "法令に基づく提供等（利用目的によらない）",
        "provision required by law etc. (not for a purpose of use)",
    ),
    "fides.own_system": (
        "個人情報を保管するシステム・媒体（個人情報管理台帳より）",
        "a system or medium holding personal data (from the personal data ledger)",
    ),
    "fides.own_system_type": ("自組織のシステム", "own system"),
    "fides.no_system": ("保管システム未記載", "system not recorded"),
    "fides.dataset": (
        "この保管システム・媒体にある個人情報の項目",
        "personal data items held in this system or medium",
    ),
    "fides.joint_users": (
        "共同利用「{group}」の共同利用者（個人情報保護法27条5項3号）",
        "joint user in “{group}” (APPI Art.27(5)(iii))",
    ),
}

# --- hardening against bad and hostile input (issue 18) --------------------------------------------------
TEXTS |= {
    "yamlin.alias": (
        "エイリアス（*{name}）は使えません。値をそのまま書いてください",
        "an alias (*{name}) is not allowed here; write the value out",
    ),
    "yamlin.too_deep": ("入れ子が深すぎます（{depth}段まで）", "nested more than {depth} levels deep"),
    "yamlin.duplicate_key": (
        "キー「{key}」が重複しています（最初は{first}行目）",
        "the key '{key}' appears twice (first on line {first})",
    ),
    "yamlin.too_large": (
        "ファイルが大きすぎます（{size:,}文字、上限{limit:,}文字）",
        "the file is too large ({size:,} characters; at most {limit:,})",
    ),
}
TEXTS |= {
    "textio.nul": (
        "{line}行目（{byte}バイト目）にNULバイトがあり、テキストファイルではありません",
        "a NUL byte on line {line} (byte {byte}): not a text file",
    ),
    "textio.utf16": (
        "UTF-16で保存されています（{line}行目にNULバイト）。UTF-8で保存し直してください",
        "saved as UTF-16 (a NUL byte on line {line}): not a text file in an accepted encoding; save it as UTF-8",
    ),
    "textio.quote_open": (
        '{opened}行目で開いた引用符（"）がファイルの終わりまで閉じていません（以降{lines}行が1つの値になります）',
        'the quote (") opened on line {opened} is never closed: the {lines} line(s) from there to the end of the file would become one value',
    ),
    "textio.quote_spans": (
        '{opened}行目で開いた引用符（"）の値が{end}行目まで続き、その行の値が{found}個になります（{expected}個のはず）',
        'the quoted value opened on line {opened} runs to line {end} and leaves its row with {found} values, not {expected}: a stray or missing quote (")',
    ),
    "textio.field_count": (
        "値が{found}個あります（{expected}個のはず）",
        "{found} values where the header has {expected}",
    ),
    "textio.bad_quoting": ('引用符（"）の使い方の誤り（{detail}）', 'misplaced quote ("): {detail}'),
}
TEXTS |= {
    "load.symlink": (
        "通常のファイル（{file} はシンボリックリンクです。リンク先は読みません。ファイルを台帳のフォルダにコピーしてください）",
        "a regular file ({file} is a symbolic link, not followed; copy the file into the ledger folder)",
    ),
    "load.sources_mapping": (
        "キーごとの出典の対応（例: name: policy:署名）",
        "a mapping of keys to their sources (e.g. name: policy:署名)",
    ),
}
TEXTS |= {
    "model.not_a_file": (
        "{path}: リスクモデルは通常のファイルにしてください（フォルダやシンボリックリンクは読みません）",
        "{path}: expected the risk model as a regular file (a folder or a symbolic link is not read)",
    ),
    "model.unreadable": (
        "{path}: リスクモデルを読めません（{reason}）",
        "{path}: the risk model cannot be read ({reason})",
    ),
}
TEXTS |= {
    "excel.too_long": (
        "{cells}: Excelの1セルの上限（{limit:,}文字）を超える値があります（最長{longest:,}文字）。そのままでは切り捨てられ、取り込むと失われるため、何も書き出していません。値を短くするか、台帳はCSVのまま使ってください",
        "{cells}: longer than an Excel cell holds ({limit:,} characters; the longest has {longest:,}). Excel would cut it and an import would lose the rest, so nothing was written; shorten the value or keep the ledger as CSV",
    ),
    "excel.more_cells": ("ほか{n}セル", " and {n} more"),
    "excel.bad_limit": (
        "{env}={value!r}: 正の数（MB）を指定してください",
        "{env}={value!r}: expected a positive number of megabytes",
    ),
    "excel.too_many_parts": (
        "{path}: ブックの部品が多すぎます（{n:,}個、上限{limit:,}個）。.xlsxとして開けません",
        "{path}: {n:,} parts in the workbook (at most {limit:,}); not read as an .xlsx workbook",
    ),
    "excel.too_big": (
        "{path}: 展開すると{size:,} MBになり、上限{limit:,} MBを超えます。読み込んでいません（上限は環境変数{env}で変更できます）",
        "{path}: decompresses to {size:,} MB, more than the limit of {limit:,} MB; not read (set {env} to change the limit)",
    ),
    "excel.bomb": (
        "{path}: 部品 {part} が{packed:,} KBから{size:,} MBに展開されます（{ratio:,}倍、上限{limit}倍）。圧縮爆弾の疑いがあるため読み込んでいません",
        "{path}: the part {part} decompresses from {packed:,} KB to {size:,} MB ({ratio:,}×, at most {limit}×): refused as a likely zip bomb, nothing was read",
    ),
}
TEXTS |= {"validate.int_max": ("（{max:,}以下）", " (at most {max:,})")}
TEXTS |= {
    "period.year": (
        "--period: {text!r} の年は{first}年から{last}年までにしてください（例: 2026Q4）",
        "--period: {text!r}: expected a quarter of a year from {first} to {last}, e.g. 2026Q4",
    ),
}
TEXTS |= {
    "files.not_a_folder": (
        "{path} はファイルです。{folder} にはフォルダが必要です",
        "{path} is a file, not a folder: expected a folder for {folder}",
    ),
    "files.is_a_file": (
        "{path} はファイルです。フォルダを指定してください",
        "{path} is a file: expected a folder",
    ),
    "files.failed": ("{path}: {reason}", "{path}: {reason}"),
}
TEXTS |= {
    "incident.future": (
        "注意: 発覚日 {date} は今日（{today}）より後です。日付を確認してください",
        "warning: the discovery date {date} is after today ({today}); check the date",
    ),
    "incident.before_ledger": (
        "注意: 発覚日 {date} は台帳に記録された最も古い日付（{first}、{where}）より前です。日付を確認してください",
        "warning: the discovery date {date} is before the earliest date the ledger records ({first}, {where}); check the date",
    ),
    "incident.date_overflow": (
        "--discovered: {date} では報告期限（{days}日後）が暦の範囲を超えます。実際の発覚日（YYYY-MM-DD）を指定してください",
        "--discovered: {date}: the report deadlines ({days} days later) fall beyond the calendar; expected the real discovery date, YYYY-MM-DD",
    ),
}
TEXTS |= {
    "snapshot.bad_json": (
        "{path}: {line}行目が読めません（{detail}）。`privacy-inventory verify` で改変を確認してください",
        "{path}: damaged at line {line} ({detail}); run `privacy-inventory verify` to check the stored periods",
    ),
}
