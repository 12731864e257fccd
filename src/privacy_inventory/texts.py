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
    # My Number: 番号法29条の4第1項 and its rules (平成27年特定個人情報保護委員会規則第5号) Art.2
    "incident.mn_trigger.i_network": (
        "情報提供ネットワークシステム等に記録された特定個人情報（番号法規則2条1号）",
        "My Number data of the information-provision network or a 個人番号利用事務 system (My Number breach rules Art.2(i))",
    ),
    "incident.mn_trigger.ii_unlawful_purpose": (
        "不正の目的をもって行われたおそれ（番号法規則2条2号）",
        "possibly for an unlawful purpose (My Number breach rules Art.2(ii))",
    ),
    "incident.mn_trigger.iii_publicly_viewable": (
        "電磁的方法により不特定多数の者に閲覧されるおそれ（番号法規則2条3号）",
        "possibly viewed by unspecified persons by electronic means (My Number breach rules Art.2(iii))",
    ),
    "incident.mn_trigger.iv_over_100_people": (
        "特定個人情報に係る本人の数が100人を超える（番号法規則2条4号）",
        "more than 100 people's My Number data (My Number breach rules Art.2(iv))",
    ),
    "incident.appi": (
        "個人情報保護法26条（委員会への報告・本人への通知）",
        "APPI Art.26 (report to the PPC, notice to the people)",
    ),
    "incident.mn": (
        "番号法29条の4（特定個人情報の漏えい等の報告・本人への通知）",
        "My Number Act Art.29-4 (report to the PPC, notice to the people)",
    ),
    "incident.colon": ("：", ": "),
    "incident.law.appi": ("個人情報保護法", "APPI"),
    "incident.law.mn": ("番号法", "My Number Act"),
    "incident.required_by": ("報告・本人通知が必要（{laws}）", "REPORT REQUIRED ({laws})"),
    "incident.not_a_leak": (
        "漏えい等に該当しない：報告・本人通知は不要",
        "not a leak: no report or notice required",
    ),
    "incident.why.not_a_leak": (
        "第三者に閲覧される前に全て回収した（閲覧されていないことを確認した）ので漏えいに該当しない"
        "（個人情報保護法ガイドライン通則編3-5-1-1、Q&A6-1）。番号法も同じ考え方による（特定個人情報ガイドラインの該当箇所は未確認）。"
        "事案と回収の記録は残す。",
        "every copy was recovered before any third party saw it, so it is not a leak (PPC GL 通則編 3-5-1-1, "
        "Q&A 6-1); the same reading is applied to My Number data (the passage of the My Number guideline is "
        "unconfirmed). Keep the record of the incident and the recovery.",
    ),
    "incident.why.not_reportable_appi": (
        "規則7条各号の事態に該当しない（要配慮・財産的被害・不正目的なし、本人{people}人は1,000人以下）",
        "none of PPC Rules Art.7 (i)–(iv): no special care, financial damage or unlawful purpose; {people} people is not more than 1,000",
    ),
    "incident.why.not_reportable_mn": (
        "番号法規則2条各号の事態に該当しない（本人{people}人は100人以下、不正目的・不特定多数の閲覧のおそれなし）",
        "none of the My Number breach rules Art.2 (i)–(iv): {people} people is not more than 100, no unlawful purpose, not viewable by the public",
    ),
    "incident.why.encrypted_appi": (
        "高度な暗号化等の措置が講じられ鍵が漏えいしていないため報告対象外（規則7条1号かっこ書）",
        "exempt: advanced encryption with the key not leaked (PPC Rules Art.7(i) parenthesis)",
    ),
    "incident.why.encrypted_mn": (
        "高度な暗号化等の措置が講じられ鍵が漏えいしていないため報告対象外（番号法規則2条1号かっこ書）",
        "exempt: advanced encryption with the key not leaked (My Number breach rules Art.2(i) parenthesis)",
    ),
    "incident.preliminary": (
        "速報：速やかに（目安 {start}〜{end}）",
        "preliminary report (速報): promptly — guidance {start} … {end}",
    ),
    "incident.final": (
        "確報：{date} まで（知った日から{days}日以内）",
        "final report (確報): by {date} ({days} days from discovery)",
    ),
    "incident.notice": (
        "本人への通知：速やかに（目安 {date}）",
        "notice to the people: promptly (target {date})",
    ),
    "incident.mn_days_unconfirmed": (
        "※番号法の速報・確報の日数は規則3条の本文で未確認（個人情報保護法と同じと仮定）",
        "note: the My Number report days are unconfirmed in the rules' Art.3 (assumed to be APPI's)",
    ),
    "incident.se_if_read": (
        "閲覧されていないため実際の影響はない。SE は閲覧されていた場合の重大度を示す",
        "nothing was seen, so no harm was done; SE shows how severe it would have been",
    ),
    "incident.flag.publicly_viewable": ("不特定多数が閲覧できる状態", "viewable by the public"),
    "incident.flag.recovered_unread": ("閲覧前に全て回収", "all recovered unread"),
    "incident.flag.encrypted": ("高度な暗号化（鍵の漏えいなし）", "advanced encryption, key not leaked"),
    "incident.flag.mn_network": ("情報提供ネットワークシステム等", "information-provision network"),
    "incident.heading": (
        "事案（発覚 {date}、原因：{cause}）：{verdict}",
        "Incident discovered {date} — cause: {cause}: {verdict}",
    ),
    "incident.people_line": (
        "本人の数：{people}人（{subjects}）　項目：{items}",
        "people affected: {people} ({subjects}); items: {items}",
    ),
    "incident.partners_line": (
        "提供先：{partners}　フロー：{flows}件",
        "partners: {partners}; flows: {flows}",
    ),
    "incident.severity_line": (
        "重大度（ENISA）SE = DPC {dpc} × EI {ei} + CB {cb} = {se}（{band}）",
        "ENISA severity SE = DPC {dpc} × EI {ei} + CB {cb} = {se} ({band})",
    ),
    "incident.circumstances": ("事案の状況（ENISA）", "circumstances (ENISA)"),
}

# --- the incident register (incident list / show): derived columns --------------------------------------
TEXTS |= {
    "register.appi_preliminary_status": ("速報（個人情報保護法）", "APPI preliminary report"),
    "register.appi_final_status": ("確報（個人情報保護法）", "APPI final report"),
    "register.mn_preliminary_status": ("速報（番号法）", "My Number preliminary report"),
    "register.mn_final_status": ("確報（番号法）", "My Number final report"),
    "register.notice_status": ("本人への通知", "notice to the people"),
    "register.appi_status": ("個人情報保護法の報告", "APPI reports"),
    "register.mn_status": ("番号法の報告", "My Number reports"),
    "register.status_then": ("状態（基準日時点）", "status on the date"),
    "register.action_state": ("再発防止の処置の状態", "prevention action"),
    "register.period_role": ("期間との関係", "in the period as"),
    "register.change": ("変化", "change"),
    "register.title": ("漏えい等事案の記録（{as_of} 時点）", "Incident register (as of {as_of})"),
    "register.action": ("{id}（{state}）", "{id} ({state})"),
    "register.line": (
        "{id}　発覚 {date}　{cause}　本人 {people}人　重大度 {band}　{status}",
        "{id}  discovered {date}  {cause}  {people} people  severity {band}  {status}",
    ),
    "register.recorded": ("{id} を {path} に記録しました", "Recorded {id} in {path}"),
    "register.empty": ("記録された事案はありません", "No incidents recorded"),
    "register.reassessed": (
        "現在の台帳で再評価した報告書の下書き（記録時の値は上の表）",
        "the drafted report, re-assessed on today's ledger (the recorded values are in the table above)",
    ),
}

# --- ENISA severity explained (incident.py): the method's rules, quoted ----------------------------------
TEXTS |= {
    "enisa.dpc.base": ("{type_ja}（{item}）：基本値 {base}", "{type_en} data ({item}): base {base}"),
    "enisa.dpc.vulnerable": (
        "本人の特性（{who_ja}）+{add} → {dpc}（ENISA 文脈要素：弱い立場の本人）",
        "characteristics of the individuals ({who_en}) +{add} → {dpc} (ENISA context: vulnerable individuals)",
    ),
    "enisa.dpc.clamped": ("→ {dpc}（1〜4の範囲）", "→ {dpc} (range 1–4)"),
    "enisa.adjusted": ("「{what}」：{rule} → {amount}", "'{what}': {rule} → {amount}"),
    "enisa.not_applicable": (
        "「{what}」は{amount}には適用されない",
        "'{what}' does not apply to {amount} data",
    ),
    "enisa.ei.level": (
        "識別の容易性：{level_ja}（{item}）= {ei}",
        "ease of identification: {level_en} ({item}) = {ei}",
    ),
    "enisa.ei.capped": (
        "「{what}」：{rule} → 上限「{amount}」= {ei}",
        "'{what}': {rule} → at most '{amount}' = {ei}",
    ),
    "enisa.cb.part": ("{what}：{level} {points}", "{what}: {level} {points}"),
    "enisa.cb.confidentiality": ("機密性", "confidentiality"),
    "enisa.cb.integrity": ("完全性", "integrity"),
    "enisa.cb.availability": ("可用性", "availability"),
    "enisa.cb.malicious": ("悪意", "malicious intent"),
    "enisa.cb.yes": ("あり", "yes"),
    "enisa.cb.no": ("なし", "no"),
    "enisa.cb.default": (
        "{what_ja}は原因「{cause_ja}」の既定値（事案に応じて指定できる）",
        "{what_en}: the defaults for {cause_en} (state them if the incident differs)",
    ),
    # ENISA (2013) 3.1 data processing context and 3.2 ease of identification: the rule of each adjustment
    "enisa.adjust.profile": (
        "データの量（期間・内容）や管理者の特性から、本人のプロファイル（日常生活・習慣、社会的・経済的状況）が作れる",
        "the volume of the data (time span, content) or the controller's characteristics allow a profile of "
        "the individual (everyday life and habits, social or financial status)",
    ),
    "enisa.adjust.sensitive_profile": (
        "データや管理者の特性から、健康状態・信条・性生活等の機微な事項を推測できる",
        "the data or the controller's characteristics lead to assumptions about health, beliefs, sexual life "
        "or other sensitive matters",
    ),
    "enisa.adjust.critical_for_vulnerable": (
        "本人の特性（未成年・弱い立場の人）により、身の安全や心身の状態に関わる",
        "because of the individuals' characteristics (minors, vulnerable groups) the data can be critical "
        "for their personal safety or physical or psychological condition",
    ),
    "enisa.adjust.no_insight": (
        "データの性質から本人について実質的な情報を与えない、または公開情報から容易に集められる",
        "the data gives no substantial insight into the individual, or can easily be collected from "
        "publicly available sources",
    ),
    "enisa.adjust.limited_insight": (
        "一部の情報を含むが、本人の状況について大きな推測はできない（例：詳細のない口座番号）、または一般的な推測にとどまる",
        "some information, but no significant insight into the individual's situation (e.g. bare account "
        "numbers), or only general assumptions",
    ),
    "enisa.adjust.assumptions_only": (
        "機微な事項について推測ができる程度にとどまる",
        "it leads only to assumptions about sensitive information",
    ),
    "enisa.adjust.pseudonymised": (
        "この事案のデータは仮名化されており、鍵なしでは本人の識別に相当の労力を要する"
        "（仮名化は個人情報保護法の報告の免除ではない：免除は高度な暗号化等のみ）",
        "in this incident the data is pseudonymised: without the key, identifying a person takes "
        "considerable effort (pseudonymisation does not exempt from the APPI report: only advanced encryption does)",
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
    "index.title": ("四半期レビュー", "Quarterly review"),
    "index.file.items_scores.csv": ("項目別リスク", "risk per item"),
    "index.file.partners_scores.csv": ("提供先別リスク", "risk per partner"),
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
    "incident.triggers": (
        "報告対象の事態（規則7条・番号法規則2条）",
        "reportable events (PPC Rules Art.7; My Number breach rules Art.2)",
    ),
    "incident.enisa": ("重大度（ENISA 2013）", "Severity (ENISA 2013)"),
    "incident.affected_items": ("影響を受ける項目", "Affected items"),
    "incident.se_parts": ("SE = {se}（{band}）の内訳", "SE = {se} ({band}): its parts"),
    "incident.draft": ("報告書の下書き（規則8条1項）", "Draft report (PPC Rules Art.8(1))"),
    "incident.duties": ("報告・本人通知の要否と期限", "Reports, notice and their dates"),
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
    "cell.incidents": ("漏えい等の事案", "Incidents (leaks, loss, damage)"),
    "cell.incident_list": ("今期に対応した事案", "Incidents followed up this period"),
    "cell.no_incidents": (
        "今期に発覚した事案、今期に持ち越した未完了の事案はありません。",
        "No incident was discovered this period and none was open at its start.",
    ),
    "cell.incidents_discovered": ("今期に発覚", "discovered this period"),
    "cell.incidents_reportable": ("うち報告対象", "of them reportable"),
    "cell.incidents_overdue_steps": ("期限を過ぎた報告・通知", "reports or notices overdue"),
    "cell.incidents_open": ("未完了の事案", "still open"),
    "cell.incidents_note": (
        "報告は個人情報保護委員会への報告（速報と確報のうち遅れている方の状況）、本人通知は本人への通知。いずれも評価基準日時点。要否と期限は個人情報保護法26条・規則7条・8条、番号法29条の4による。",
        "Report: to the Personal Information Protection Commission (whichever of the preliminary and final reports is further behind); notice: to the people affected. Both as of the assessment date. Whether due and by when: APPI Art.26, PPC Rules Arts.7–8, My Number Act Art.29-4.",
    ),
    "col.incident": ("事案", "incident"),
    "col.period_role": ("区分", "why listed"),
    "col.discovered": ("発覚日", "discovered"),
    "col.cause": ("原因", "cause"),
    "col.people": ("人数", "people"),
    "col.band": ("重大度（ENISA）", "severity (ENISA)"),
    "col.appi_report": ("報告（個情法）", "report (APPI)"),
    "col.mn_report": ("報告（番号法）", "report (My Number)"),
    "col.notice_people": ("本人通知", "notice to people"),
    "col.prevention": ("再発防止策", "prevention action"),
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
    "source.with_detail": ("{kind}（{detail}）", "{kind} ({detail})"),
    "subject.organisation": ("組織情報", "the organisation"),
    "subject.control_category": ("安全管理措置の区分", "category of controls"),
    "subject.rule": ("ルール", "rule"),
    "subject.incident": ("事案 {id}", "incident {id}"),
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
    "board.msg_incidents": (
        "今期に発覚した漏えい等の事案は{n}件（うち委員会への報告対象{reportable}件）、未完了の事案は{open}件です。",
        "{n} incidents were discovered this period ({reportable} reportable to the PPC); {open} are still open.",
    ),
    "board.ask_incident_overdue": (
        "【決議】期限を過ぎた漏えい等の報告・本人通知{n}件への対応（個人情報保護法26条、番号法29条の4）",
        "[Decide] The {n} overdue breach reports or notices to the people (APPI Art.26, My Number Act Art.29-4)",
    ),
    "board.note_incidents": (
        "【報告】今期に発覚した漏えい等の事案{n}件と再発防止策",
        "[Note] The {n} incidents discovered this period and their prevention actions",
    ),
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
    "board.findings_more": (
        "ほか{n}件の指摘事項（法令適合のページに全件）",
        "and {n} more rules with high findings (all on the compliance page)",
    ),
    "board.actions_more": (
        "ほか{n}件（期間レビューのページに全件）",
        "and {n} more (all on the period review page)",
    ),
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

# --- draft: a ledger written from the published policy (ledger/draft.py, cli/draft.py) ------------------
TEXTS |= {
    "draft.error.missing": (
        "{path}：ファイルがありません。公表している個人情報保護方針のテキストファイルを指定してください",
        "{path}: no such file; expected the text file of the published privacy policy",
    ),
    "draft.error.not_a_file": (
        "{path}：ファイルではありません（フォルダ等）。方針のテキストファイルを指定してください",
        "{path}: not a file (a folder?); expected the text file of the published privacy policy",
    ),
    "draft.error.empty": (
        "{path}：ファイルが空です。方針の本文を保存したテキストファイルを指定してください",
        "{path}: the file is empty; expected the text of the published privacy policy",
    ),
    "draft.error.binary": (
        "{path}：テキストファイルではありません（バイナリファイル）。方針の本文をテキストファイルに保存して指定してください",
        "{path}: not a text file (binary content); expected the policy's text saved as a text file",
    ),
    "draft.error.encoding": (
        "{path}：文字コードを判別できません。UTF-8、BOM付きUTF-8またはShift_JIS（cp932）で保存してください",
        "{path}: not readable as text ({detail}); expected the policy saved as UTF-8, UTF-8 with BOM or cp932",
    ),
    "draft.error.out_not_dir": (
        "{path}：フォルダではなくファイルがあります。新しいフォルダ名を指定してください",
        "{path}: exists and is not a folder; expected a new or empty folder",
    ),
    "draft.error.out_not_empty": (
        "{path}：フォルダが空ではありません。新しいフォルダを指定するか、--force で置き換えてください（中身はすべて置き換わります）",
        "{path}: the folder is not empty; choose a new folder, or use --force to replace it (everything in it is replaced)",
    ),
    "draft.org.name": ("名称", "name"),
    "draft.org.address": ("住所", "address"),
    "draft.org.representative": ("代表者", "representative"),
    "draft.org.policy_date": ("制定日", "policy date"),
    "draft.note.prose": ("文章での記載：{line}行", "also stated in prose: line {line}"),
    "draft.note.all_items": (
        "「全ての項目」とも記載（{line}行）：項目は列挙されたもののみ登録",
        "also says 'all items' (line {line}): only the items listed are recorded",
    ),
    "draft.note.open_category": (
        "包括的な記載「{text}」（{line}行）は項目として登録していません",
        "open wording '{text}' (line {line}) is not recorded as an item",
    ),
    "draft.note.purposes_by_reference": (
        "利用目的は自組織の利用目的を参照（{line}行）",
        "purposes stated by reference to the organisation's own (line {line})",
    ),
    "draft.note.outsourcing": (
        "委託についての記載（{line}行）：{text}",
        "outsourcing statement (line {line}): {text}",
    ),
    "draft.note.department": (
        "下書き：すべての項目を仮にこの部門に割り当てています。実際の管理部門に直してください",
        "draft: every item is provisionally assigned to this department; correct it",
    ),
    "draft.department_unknown": (
        "個人情報の管理部門（未設定）",
        "department handling personal data (not set)",
    ),
    "draft.statutory.statutory_law": (
        "法令に基づく提供先（公表文の例外事由）",
        "recipients required by law (an exception the policy lists)",
    ),
    "draft.statutory.statutory_life": (
        "生命・身体・財産の保護のための提供先（公表文の例外事由）",
        "recipients protecting life, body or property (an exception the policy lists)",
    ),
    "draft.statutory.statutory_public_health": (
        "公衆衛生・児童の健全な育成のための提供先（公表文の例外事由）",
        "recipients for public health or children (an exception the policy lists)",
    ),
    "draft.statutory.statutory_government": (
        "法令の定める事務を遂行する国の機関等（公表文の例外事由）",
        "public bodies performing statutory duties (an exception the policy lists)",
    ),
    "draft.summary.title": ("{file} から読み取った内容", "Read from {file}"),
    "draft.summary.kind": ("区分", "what"),
    "draft.summary.count": ("件数", "found"),
    "draft.kind.organisation": (
        "組織情報（名称・住所・代表者・制定日）",
        "organisation facts (name, address, representative, date)",
    ),
    "draft.kind.purposes": ("利用目的", "purposes of use"),
    "draft.kind.entrusted_purposes": ("受託業務での利用", "use in entrusted business"),
    "draft.kind.joint_uses": ("共同利用", "joint-use arrangements"),
    "draft.kind.joint_use_purposes": ("共同利用の利用目的", "joint-use purposes"),
    "draft.kind.joint_users": ("共同利用者（名称で記載）", "joint users named"),
    "draft.kind.items": ("個人情報の項目", "personal-data items"),
    "draft.kind.outsourcing": ("委託についての記載", "outsourcing statements"),
    "draft.kind.outsourcees": ("委託先（名称で記載）", "outsourcees named"),
    "draft.kind.exceptions": ("第三者提供の例外事由", "exceptions to third-party provision"),
    "draft.kind.partners": ("提供先・委託先・共同利用者の行", "partner rows"),
    "draft.kind.uses": ("項目×利用目的", "item × purpose links"),
    "draft.kind.flows": ("提供の流れ（共同利用）", "flows (joint use)"),
    "draft.missing": (
        "公表文に記載がなく空欄にした組織情報：{fields}",
        "organisation facts the policy does not state (left empty): {fields}",
    ),
    "draft.open_categories": (
        "項目として登録していない包括的な記載：{phrases}",
        "open wording not recorded as items: {phrases}",
    ),
    "draft.not_understood": ("読み取れなかった箇所", "Not understood"),
    "draft.not_understood_line": ("{lines}：{excerpt}", "{lines}: {excerpt}"),
    "draft.lines": ("{first}〜{last}行", "lines {first}–{last}"),
    "draft.line": ("{first}行", "line {first}"),
    "draft.all_understood": (
        "読み取れなかった箇所はありません（共同利用・第三者提供の記載について）",
        "nothing left unread (in the joint-use and third-party parts)",
    ),
    "draft.empty_tables": (
        "方針に記載がなく空のままの表：{files}（validate は1行以上を求めます。追記してください）",
        "tables the policy leaves empty: {files} (validate requires at least one row; add them)",
    ),
    "draft.nothing": (
        "{file}：利用目的・共同利用・項目・提供先のいずれも見つかりませんでした。何も書き出していません",
        "{file}: found no purposes, joint use, items or partners; nothing was written",
    ),
    "draft.written": ("下書きの台帳を {out} に書き出しました", "Draft ledger written to {out}"),
    "draft.assumed": (
        "方針に記載のない推定値（項目の区分・要配慮・特定個人情報・本人の区分・部門、提供先の所在国・法人の別など）は、各行の「仮定の値の列」（CSV の見出しは assumed）に列名を記載しています。",
        "Guessed values the policy does not state (an item's category, special-care and My Number flags, "
        "subjects and department; a partner's country and entity type, …) are named in each row's assumed column.",
    ),
    "draft.next": (
        "次の手順：privacy-inventory validate {out} → privacy-inventory export-xlsx {out} 台帳.xlsx で編集 → import-xlsx → check → review",
        "Next: privacy-inventory validate {out} → edit in Excel (export-xlsx {out} ledger.xlsx, import-xlsx) → check → review",
    ),
}

# --- input formats and the Excel workbook (ledger/formats.py, ledger/excel.py, ledger/matrix.py, init, --------
# --- import-xlsx); the format rules are shown from here in docs/ledger.md and the workbook's guide ----------
TEXTS |= {
    "formats.title": ("入力の形式", "Input formats"),
    "formats.where": (
        "CSV・Excel ブック・organisation.yaml のどれでも、同じ書き方を受け付けます。",
        "CSV files, the workbook and organisation.yaml accept the same ways of writing a value.",
    ),
    "formats.date": (
        "日付：2026-05-15、2026/5/15、2026.5.15、2026年5月15日、和暦 令和8年5月15日・令和元年5月1日・R8.5.15"
        "（平成/H・昭和/S も同様）。Excel の日付セルはそのまま日付として読みます。",
        "Dates: 2026-05-15, 2026/5/15, 2026.5.15, 2026年5月15日, or the Japanese era: 令和8年5月15日, "
        "令和元年5月1日, R8.5.15 (平成/H and 昭和/S alike). An Excel date cell is read as the date it holds.",
    ),
    "formats.date_strict": (
        "実在する日付に限ります（2月30日は誤り）。和暦はその元号の期間内の日付に限ります"
        "（平成31年4月30日の翌日は令和元年5月1日）。全角の数字・記号も読めます。",
        "A date must exist (no 30 February); an era date must fall within its era (the day after "
        "平成31年4月30日 is 令和元年5月1日). Full-width digits and signs are read too.",
    ),
    "formats.bool": (
        "はい・いいえ：はい/いいえ、〇/×（○・◯ も可）、true/false、yes/no、1/0、有/無（大文字・全角も可）。",
        "Yes / no: はい/いいえ, 〇/× (also ○ and ◯), true/false, yes/no, 1/0, 有/無 (any case, full-width too).",
    ),
    "formats.number": (
        "数（件数など）：12000、12,000（3桁ごとのカンマ）、全角の１２０００。",
        "Numbers (counts): 12000, 12,000 (commas between thousands), full-width １２０００.",
    ),
    "formats.code": (
        "選択肢の列：一覧の日本語の名称、英語の名称、またはコード（例：委託（法27条5項1号）、outsourcing）。",
        "Columns with a list of choices: the Japanese name, the English name or the code "
        "(e.g. 委託（法27条5項1号）, outsourcing).",
    ),
    "formats.multiple": (
        "複数の値を入れる列は ; で区切ります（全角の ； も可。例：I001;I002）。",
        "A column of several values separates them with ; (full-width ； too; e.g. I001;I002).",
    ),
    "formats.ids": (
        "ID は文字列です（001 の 0 も残ります）。空欄は値なしです。",
        "Ids are text (001 keeps its zero). An empty cell is a missing value.",
    ),
    "formats.written": (
        "import-xlsx が書き出す CSV では、日付は YYYY-MM-DD、はい・いいえは true/false、選択肢はコードに"
        "そろえます。",
        "The CSV files import-xlsx writes hold dates as YYYY-MM-DD, yes/no as true/false and choices as codes.",
    ),
    "formats.expected_date": (
        "実在する日付（2026-05-15、2026/5/15、2026年5月15日、令和8年5月15日、R8.5.15 など）",
        "a real calendar date as YYYY-MM-DD, YYYY/MM/DD, 2026年5月15日 or in the Japanese era "
        "(令和8年5月15日, R8.5.15)",
    ),
    "formats.expected_bool": (
        "はい・いいえ（〇/×、true/false、yes/no、1/0 も可）",
        "yes or no: true/false, yes/no, 1/0, はい/いいえ or 〇/×",
    ),
    "formats.expected_not_example": (
        "見本の行（IDが「例」で始まる）ではない行：書き換えてIDの「例」を消すか、行を削除する",
        "no example row (its id starts with 例): change the row, id included, or delete it",
    ),
}
TEXTS |= {
    # data validation of the workbook: input messages and error alerts (≤ 255 characters each)
    "xlsx.error.title": ("入力できない値", "Not accepted"),
    "xlsx.prompt.required": ("必須", "required"),
    "xlsx.prompt.choose_one": ("一覧から選んでください。", "Choose from the list."),
    "xlsx.prompt.choose_many": (
        "一覧から選びます。複数のときは ; で区切って入力します。",
        "Choose from the list; type several separated by ;.",
    ),
    "xlsx.error.choose_one": (
        "一覧にない値です。一覧から選んでください。",
        "Not in the list: choose from it.",
    ),
    "xlsx.error.choose_many": (
        "一覧の1つではありません。複数の値を ; で区切った場合は、それぞれが一覧にあれば取り込めます。",
        "Not one entry of the list: several entries separated by ; are fine if each is in the list.",
    ),
    "xlsx.prompt.ref_one": ("「{sheet}」シートのIDを選びます。", "An id from the sheet {sheet}."),
    "xlsx.prompt.ref_many": (
        "「{sheet}」シートのID。複数は ; で区切ります（例：{example}）。",
        "Ids from the sheet {sheet}, several separated by ; (e.g. {example}).",
    ),
    "xlsx.error.ref": (
        "「{sheet}」シートにないIDです。新しいIDなら「{sheet}」シートにも行を追加してください。",
        "This id is not on the sheet {sheet}: if it is new, add its row there too.",
    ),
    "xlsx.prompt.bool": (
        "はい・いいえを選びます（〇/×、true/false も読めます）。",
        "Yes or no (〇/×, true/false are read too).",
    ),
    "xlsx.error.bool": ("はい・いいえを選んでください。", "Choose はい (yes) or いいえ (no)."),
    "xlsx.prompt.date": (
        "日付（2026-05-15、2026/5/15、令和8年5月15日、R8.5.15）。",
        "A date (2026-05-15, 2026/5/15, or the Japanese era: 令和8年5月15日, R8.5.15).",
    ),
    "xlsx.error.date": (
        "日付を入力してください（例：2026-05-15、令和8年5月15日）。",
        "Enter a date (e.g. 2026-05-15).",
    ),
    "xlsx.prompt.int": ("{minimum}以上の整数。", "A whole number, {minimum} or more."),
    "xlsx.error.int": ("{minimum}以上の整数を入力してください。", "Enter a whole number, {minimum} or more."),
    "xlsx.comment.key": ("列のキー", "key"),  # in a header's comment: 列のキー / key: basis
    # the organisation sheet's header
    "xlsx.org.key": ("キー", "key"),
    "xlsx.org.label": ("項目", "label"),
    "xlsx.org.value": ("値", "value"),
    "xlsx.org.source": ("出典", "source"),
    "xlsx.org.english": ("English", "English"),
    # the guide sheet (はじめに)
    "xlsx.guide.title": (
        "個人情報管理台帳　記入ガイド",
        "Personal-data ledger: how to fill in this workbook",
    ),
    "xlsx.guide.column.section": ("区分", "section"),
    "xlsx.guide.column.ja": ("説明", "Japanese"),
    "xlsx.guide.column.en": ("English", "English"),
    "xlsx.guide.section.about": ("このブック", "this workbook"),
    "xlsx.guide.section.examples": ("見本の行", "example rows"),
    "xlsx.guide.section.sheets": ("シート", "sheets"),
    "xlsx.guide.section.import": ("取り込み", "import"),
    "xlsx.guide.about": (
        "シートごとに台帳の1つの表です。1行が1つの事実です（1つの項目、1つの提供など）。「組織」シートは組織の"
        "情報を1行に1つずつ記入します。",
        "Each sheet is one table of the ledger; a row is one fact (an item, a flow, …). The 組織 sheet holds "
        "the organisation's facts, one per row.",
    ),
    "xlsx.guide.header": (
        "見出し（2行目）のコメントに、列の意味（日本語・英語）と入力できる値があります。セルを選ぶと入力の説明が"
        "表示されます。見出しの▼で絞り込み・並べ替えができます。",
        "The comment of each header (row 2) gives the column's meaning in Japanese and English and what it "
        "takes; selecting a cell shows an input message. The header's filter buttons filter and sort.",
    ),
    "xlsx.guide.dropdowns": (
        "区分・種別などの列とはい・いいえの列はプルダウンから選びます（日本語の名称）。IDの列は他のシートの"
        "IDを選べます。一覧にない値は取り込めません（複数の値・新しいIDは警告のみ）。",
        "Columns of choices and yes/no columns have dropdowns (Japanese names); id columns offer the ids "
        "of the other sheet. A value outside the list is not accepted (several values or a new id: a "
        "warning only).",
    ),
    "xlsx.guide.key_row": (
        "1行目（非表示）は列のキーで、取り込みに使います。変更しないでください（削除しても2行目の見出しから"
        "読み取ります）。",
        "Row 1 (hidden) holds the column keys, which import reads. Leave it as it is (if it is deleted, "
        "import reads the Japanese headers of row 2).",
    ),
    "xlsx.guide.examples": (
        "灰色の行は見本です（IDが「例」で始まる）。自組織の内容に書き換えてIDの「例」を消すか、行を削除して"
        "ください。見本の行が残っていると import-xlsx は取り込まず、その行をセル番地で示します。",
        "Grey rows are examples (their ids start with 例). Change them to your own facts, removing 例 from "
        "the ids, or delete them: import-xlsx refuses a workbook with an example left in and names the "
        "rows by cell.",
    ),
    "xlsx.guide.matrix": (
        "項目（行）×提供先（列）の表です。項目がその提供先へ渡るセルに 〇 を入れると、取り込み時に「提供・受領」"
        "の行になります（IDは自動で付番）。",
        "Items (rows) × partners (columns): a 〇 where an item goes to a partner becomes a row of 提供・受領 "
        "(flows) on import, with a new id.",
    ),
    "xlsx.guide.matrix_header": (
        "列ごとに、上の行で提供先ID・利用目的ID・根拠（共同利用なら共同利用ID）を選びます。同じ提供先でも"
        "利用目的・根拠が違えば列を分けます（右の空いた列を使えます）。法令に基づく提供は利用目的が空欄でも"
        "かまいません。",
        "For each column pick, in the rows above, the partner id, the purpose id and the basis (and the "
        "joint-use id for joint use). Another purpose or basis for the same partner is another column "
        "(use the empty ones on the right). A statutory basis may leave the purpose empty.",
    ),
    "xlsx.guide.matrix_cells": (
        "● は「提供・受領」に記録済みの提供です（取り込みでは何もしません）。〇 は追加、空欄・× は何もしません。"
        "同じ項目・提供先・利用目的・根拠の提供がすでにあれば、〇 でも重複して追加しません。",
        "● marks a flow already recorded in 提供・受領 (import does nothing with it); 〇 adds one; empty or × "
        "does nothing. A 〇 never duplicates a flow with the same item, partner, purpose and basis.",
    ),
    "xlsx.guide.matrix_record": (
        "提供をやめるときは「提供・受領」の行を削除してください（● を消しても削除されません）。追加した提供の"
        "経路・暗号化などは、次に書き出したときに「提供・受領」で記入できます。項目×利用目的にない組合せは "
        "check が指摘します。",
        "To remove a flow delete its row in 提供・受領 (clearing a ● deletes nothing). Channel, encryption and "
        "the rest of an added flow are filled in on 提供・受領 after the next export; a purpose the item "
        "does not have (項目×利用目的) is reported by check.",
    ),
    "xlsx.guide.import": (
        "取り込み：privacy-inventory import-xlsx このファイル.xlsx 台帳フォルダ（既存の台帳を更新するときは "
        "--replace）。誤りはすべてセル番地（例：提供・受領!C17）で示され、誤りがあれば何も書き出しません。",
        "Import: privacy-inventory import-xlsx THIS.xlsx LEDGER_FOLDER (--replace to update an existing "
        "ledger). Every problem is named by its cell (e.g. 提供・受領!C17); with errors nothing is written.",
    ),
    "xlsx.guide.formulas": (
        "数式は使えません（取り込み時に誤りになります）。= + - @ で始まる文字は文字のまま保存されます。",
        "Formulas are not allowed (import reports them as errors); text starting with = + - @ is kept as "
        "text.",
    ),
    "xlsx.sheet.guide": ("このガイド", "this guide"),
    "xlsx.sheet.organisation": (
        "組織の名称・住所・代表者・窓口など（organisation.yaml）",
        "the organisation's name, address, representative, contact … (organisation.yaml)",
    ),
    "xlsx.sheet.items": (
        "個人情報の項目（個人情報管理台帳の本体）",
        "personal-data items (the ledger proper)",
    ),
    "xlsx.sheet.purposes": ("公表している利用目的", "the published purposes of use"),
    "xlsx.sheet.uses": ("項目ごとの利用目的（項目×利用目的）", "which item is used for which purpose"),
    "xlsx.sheet.partners": ("提供先・委託先・共同利用者", "partners: recipients, outsourcees, joint users"),
    "xlsx.sheet.joint_uses": (
        "共同利用（法27条5項3号）の取決め",
        "joint-use arrangements (APPI Art.27(5)(iii))",
    ),
    "xlsx.sheet.matrix": ("項目×提供先の表：〇 で提供を追加", "items × partners: a 〇 adds a flow"),
    "xlsx.sheet.flows": ("提供・受領の流れ（1行が1つの提供）", "data flows, one per row"),
    "xlsx.sheet.departments": ("部門と個人情報管理者", "departments and their managers"),
    "xlsx.sheet.controls": ("安全管理措置", "safety-management measures"),
    "xlsx.sheet.actions": ("改善処置（PDCA）", "improvement actions (PDCA)"),
    "xlsx.sheet.incidents": (
        "漏えい等事案の記録（報告・本人通知の期限と実施日）",
        "incident register: report and notice due dates and when they were made",
    ),
    # the matrix sheet (項目×提供先)
    "matrix.partner_name": ("提供先名", "partner name"),
    "matrix.item_name": ("項目名", "item name"),
    "matrix.hint.partner_id": ("← 提供先のID（「提供先」シート）", "← the partner's id"),
    "matrix.hint.partner_name": ("（表示のみ）", "(shown only)"),
    "matrix.hint.purpose_id": ("← 利用目的のID（法令に基づく提供は空欄可）", "← the purpose id"),
    "matrix.hint.basis": ("← 提供の根拠", "← the basis"),
    "matrix.hint.joint_use_id": ("← 共同利用のときその共同利用ID", "← the joint-use id, for joint use"),
    "matrix.prompt.partner_id": (
        "この列の提供先のID（「提供先」シート）。",
        "The partner of this column (an id of the 提供先 sheet).",
    ),
    "matrix.prompt.purpose_id": (
        "この列の利用目的のID（「利用目的」シート）。法令に基づく提供は空欄でかまいません。",
        "The purpose of this column (an id of the 利用目的 sheet); a statutory basis may leave it empty.",
    ),
    "matrix.prompt.basis": ("この列の提供の根拠を選びます。", "The basis of this column's flows."),
    "matrix.prompt.joint_use_id": (
        "共同利用のとき、その共同利用ID（「共同利用」シート）。",
        "For joint use: the arrangement (an id of the 共同利用 sheet).",
    ),
    "matrix.prompt.item_id": ("項目のID（「項目」シート）。", "An item id (the 項目 sheet)."),
    "matrix.prompt.tick_title": ("提供の追加", "add a flow"),
    "matrix.prompt.tick": (
        "〇 でこの項目をこの列の提供先へ提供（取り込みで「提供・受領」に追加）。● は記録済み。",
        "〇: this item goes to this column's partner (added to the flows on import). ●: recorded already.",
    ),
    "matrix.error.ref": (
        "一覧にないIDです。そのシートに行があるか確かめてください。",
        "This id is not in the list: check its sheet has the row.",
    ),
    "matrix.error.tick": ("〇 を入れるか、空欄にしてください。", "Put 〇, or leave the cell empty."),
    "matrix.expected_partner": (
        "この列の提供先ID（〇 がある列に必要）",
        "the column's partner id (a column with a 〇 needs one)",
    ),
    "matrix.expected_basis": (
        "この列の根拠（〇 がある列に必要）",
        "the column's basis (a column with a 〇 needs one)",
    ),
    "matrix.expected_purpose": (
        "この列の利用目的ID（〇 がある列に必要。法令に基づく提供のみ空欄可）",
        "the column's purpose id (a column with a 〇 needs one unless its basis is statutory)",
    ),
    "matrix.expected_item": (
        "この行の項目ID（〇 がある行に必要）",
        "the row's item id (a row with a 〇 needs one)",
    ),
    "matrix.expected_tick": (
        "〇（追加）、●（記録済み）、または空欄",
        "〇 (add), ● (recorded) or an empty cell",
    ),
    "matrix.expected_layout": (
        "A列の見出し（提供先ID・利用目的ID・根拠・共同利用ID、その下に項目ID）",
        "the headings of column A (提供先ID, 利用目的ID, 根拠, 共同利用ID, then 項目ID above the items)",
    ),
}
TEXTS |= {
    # a command that needs a valid ledger and did not get one (cli/render.py)
    "ledger.invalid": ("台帳 {path} に誤りが {n} 件あります。", "The ledger {path} has {n} error(s)."),
    "ledger.missing": (
        "台帳 {path} はまだ記入されていません：{missing}。",
        "The ledger {path} is not filled in yet: {missing}.",
    ),
    "ledger.missing.tables": ("行がない表 {files}", "no rows in {files}"),
    "ledger.missing.facts": ("{file} の空欄 {keys}", "{keys} empty in {file}"),
    "ledger.missing.fact": ("「{ja}」", "'{en}'"),
    "ledger.missing.sep": ("、", "; "),
    "ledger.missing.next": (
        "記入してから privacy-inventory validate {path} で確かめてください（見本の行つきの Excel ブックから"
        "始めるには privacy-inventory init 台帳.xlsx）。",
        "Fill them in, then run privacy-inventory validate {path} (to start from an Excel workbook with "
        "example rows: privacy-inventory init ledger.xlsx).",
    ),
}
TEXTS |= {
    # init FILE.xlsx and import-xlsx (cli/ledger.py)
    "init.workbook": (
        "記入用の Excel ブックを {path} に書き出しました（「はじめに」シートに記入方法があります）。",
        "Wrote the workbook {path} to fill in (the sheet はじめに explains how).",
    ),
    "init.workbook_next": (
        "灰色の見本の行（IDが「例」で始まる）を書き換えるか削除してから、privacy-inventory import-xlsx {path} "
        "台帳フォルダ で取り込んでください。",
        "Change or delete the grey example rows (ids starting with 例), then run: privacy-inventory "
        "import-xlsx {path} LEDGER_FOLDER",
    ),
    "init.not_xlsx": (
        "{path}：init が書き出せるのはフォルダか .xlsx のブックです",
        "{path}: init writes a folder or an .xlsx workbook",
    ),
    "xlsx.examples_left": (
        "見本の行が {n} 行残っています（{cells}）。書き換えてIDの「例」を消すか、行を削除してから取り込んでください。",
        "{n} example row(s) left in ({cells}): change them, removing 例 from the ids, or delete them, "
        "then import again.",
    ),
    "xlsx.more": (" ほか{n}件", " and {n} more"),
    "xlsx.matrix_added": (
        "項目×提供先の 〇 から提供・受領を {n} 件追加しました（{ids}）。",
        "Added {n} flow(s) from the ticks of 項目×提供先 ({ids}).",
    ),
}
TEXTS |= {
    "xlsx.guide.section.matrix": ("項目×提供先", "items × partners"),
    "xlsx.docs.title": ("Excel ブック", "The Excel workbook"),
    "xlsx.docs.commands": (
        "privacy-inventory export-xlsx 台帳 台帳.xlsx で書き出し、privacy-inventory import-xlsx 台帳.xlsx 台帳 "
        "--replace で戻します。privacy-inventory init 台帳.xlsx は、見本の行つきの記入用ブックを書き出します。"
        "validate・check・score などは台帳フォルダの代わりにブックも読めます。",
        "privacy-inventory export-xlsx LEDGER ledger.xlsx writes it, privacy-inventory import-xlsx "
        "ledger.xlsx LEDGER --replace reads it back; privacy-inventory init ledger.xlsx writes a new one "
        "with example rows. validate, check, score and the others read a workbook wherever they read a "
        "ledger folder.",
    ),
}
TEXTS |= {
    "matrix.too_large": (
        "（大きな台帳のため、記録済みの提供 ● は表示していません。「提供・受領」を見てください）",
        "(a large ledger: recorded flows are not marked here; see 提供・受領)",
    ),
}
TEXTS |= {
    # the comment of a workbook header (Japanese / English on one line)
    "xlsx.comment.choices": ("選択肢", "choices"),
    "xlsx.comment.date": (
        "日付：2026-05-15、2026/5/15、令和8年5月15日、R8.5.15",
        "date: 2026-05-15, 2026/5/15, 令和8年5月15日",
    ),
    "xlsx.comment.bool": ("はい・いいえ（〇/×、true/false も可）", "yes or no (〇/×, true/false)"),
    "xlsx.comment.required": ("必須", "required"),
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
    "yamlin.pyyaml.unclosed_list": (
        "「[」で始めたリストが「]」で閉じていません",
        "a list opened with '[' is not closed with ']'",
    ),
    "yamlin.pyyaml.unclosed_mapping": (
        "「{{」で始めた項目が「}}」で閉じていません",
        "a mapping opened with '{{' is not closed with '}}'",
    ),
    "yamlin.pyyaml.indentation": (
        "字下げがそろっていません（同じ階層のキーは同じ数の空白で始めてください）",
        "the indentation does not line up (keys at one level start with the same number of spaces)",
    ),
    "yamlin.pyyaml.colon": (
        "ここに「キー: 値」は書けません（字下げか、値の中の「: 」を確かめてください。値は引用符で囲めます）",
        "a 'key: value' cannot stand here (check the indentation, or quote a value that contains ': ')",
    ),
    "yamlin.pyyaml.no_colon": (
        "キーの後の「: 」が見つかりません",
        "the ': ' after a key is missing",
    ),
    "yamlin.pyyaml.tab": (
        "字下げにタブ文字は使えません（空白で字下げしてください）",
        "a tab cannot indent YAML (indent with spaces)",
    ),
    "yamlin.pyyaml.character": (
        "値を「{found}」で始めることはできません（値を引用符で囲んでください）",
        "a value cannot start with '{found}' (put the value in quotes)",
    ),
    "yamlin.pyyaml.some_character": (
        "値の始めに使えない文字（タブ、@、` など）があります（値を引用符で囲み、字下げは空白で）",
        "a character that cannot start a value (a tab, @, ` …): quote the value, indent with spaces",
    ),
    "yamlin.pyyaml.open_quote": (
        "引用符が閉じないままファイルが終わっています",
        "a quote is still open at the end of the file",
    ),
    "yamlin.pyyaml.escape": (
        "二重引用符の中の「\\」の後が使えない文字です（「\\」を重ねるか、一重引用符で囲んでください）",
        "a '\\' inside double quotes starts no valid escape (double the '\\' or use single quotes)",
    ),
    "yamlin.pyyaml.control": (
        "使えない制御文字（U+{found}）が含まれています",
        "the file contains a control character that is not allowed (U+{found})",
    ),
    "yamlin.pyyaml.tag": (
        "タグ「{found}」は使えません（値をそのまま書いてください）",
        "the tag '{found}' is not allowed (write the plain value)",
    ),
    "yamlin.pyyaml.anchor": (
        "同じ名前のアンカー（&）が二度あります（アンカーは使わず、値をそのまま書いてください）",
        "an anchor (&) name appears twice (write values out instead of using anchors)",
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
        "{what}: {text!r} の年は{first}年から{last}年までにしてください（例: 2026Q4）",
        "{what}: {text!r}: expected a quarter of a year from {first} to {last}, e.g. 2026Q4",
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
    "incident.more_my_number_people": (
        "注意: 個人番号が漏えいした本人（{my_number}人）が、影響を受ける本人の数（{people}人）より多くなっています。"
        "数を確認してください",
        "warning: more people whose My Number leaked ({my_number}) than people affected ({people}); check the figures",
    ),
    "incident.occurred_after": (
        "注意: 発生日 {occurred} が発覚日 {discovered} より後です。日付を確認してください",
        "warning: the date it happened ({occurred}) is after the date it was discovered ({discovered}); "
        "check the dates",
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
    "json.syntax": ("JSON の書き方が崩れています", "not well-formed JSON"),
    "json.not_utf8": ("UTF-8 ではない文字があります", "a character that is not UTF-8"),
    "json.too_deep": ("入れ子が深すぎます", "nested too deeply"),
    "snapshot.bad_json": (
        "{path}: {line}行目が読めません（{detail}）。「privacy-inventory verify」で改変を確認してください",
        "{path}: damaged at line {line} ({detail}); run 'privacy-inventory verify' to check the stored periods",
    ),
}

# the command line's texts and the ledger's problems live in their own modules (see i18n.py)
from .texts_cli import CLI_TEXTS  # noqa: E402
from .texts_problems import PROBLEM_TEXTS  # noqa: E402

TEXTS |= CLI_TEXTS
TEXTS |= PROBLEM_TEXTS
