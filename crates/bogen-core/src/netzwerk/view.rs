//! The suggestion and the referral list as plain data with their sentences, for whoever shows
//! them (the browser, `bogen --json`): codes for programs, texts for people, nothing to compute.

use std::collections::BTreeMap;

use serde::Serialize;

use super::directory::{Contact, Directory};
use super::eligibility::Suggestion;
use super::reason::Reason;
use super::referral::Referral;
use crate::texts::Texts;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonView {
    pub code: &'static str,
    pub params: BTreeMap<&'static str, String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckView {
    /// `uma`, `bleiberecht`, … or `hilfebedarf`.
    pub code: &'static str,
    pub title: String,
    /// `erfuellt`, `nichterfuellt`, `offen`.
    pub verdict: &'static str,
    pub verdict_text: String,
    pub reasons: Vec<ReasonView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionView {
    /// `aufnahme`, `verweis`, `offen`: the codes of `ergebnis.entscheidung`.
    pub proposal: &'static str,
    pub proposal_text: String,
    pub zielgruppen: Vec<CheckView>,
    pub hilfebedarf: CheckView,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferView {
    pub id: String,
    pub name: String,
    pub traeger: Option<String>,
    pub town: String,
    pub neighbouring_town: bool,
    pub target_group: String,
    pub reasons: Vec<ReasonView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rooms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

pub fn reason(r: &Reason, texts: &Texts) -> ReasonView {
    ReasonView { code: r.code, params: r.params.iter().cloned().collect(), text: r.text(texts) }
}

fn reasons(list: &[Reason], texts: &Texts) -> Vec<ReasonView> {
    list.iter().map(|r| reason(r, texts)).collect()
}

fn verdict_text(code: &str, texts: &Texts) -> String {
    texts.ui(&format!("netzwerk.verdict.{code}")).to_owned()
}

pub fn suggestion(s: &Suggestion, texts: &Texts) -> SuggestionView {
    let zielgruppen = s
        .zielgruppen
        .iter()
        .map(|g| CheckView {
            code: g.zielgruppe.code(),
            title: texts.ui(&format!("netzwerk.zielgruppe.{}", g.zielgruppe.code())).to_owned(),
            verdict: g.verdict.code(),
            verdict_text: verdict_text(g.verdict.code(), texts),
            reasons: reasons(&g.reasons, texts),
        })
        .collect();
    let hilfebedarf = CheckView {
        code: "hilfebedarf",
        title: texts.ui("netzwerk.hilfebedarf").to_owned(),
        verdict: s.hilfebedarf.verdict.code(),
        verdict_text: verdict_text(s.hilfebedarf.verdict.code(), texts),
        reasons: reasons(&s.hilfebedarf.reasons, texts),
    };
    SuggestionView {
        proposal: s.proposal.code(),
        proposal_text: texts.ui(&format!("netzwerk.vorschlag.{}", s.proposal.code())).to_owned(),
        zielgruppen,
        hilfebedarf,
    }
}

pub fn offer(r: &Referral, directory: &Directory, texts: &Texts) -> OfferView {
    let o = r.offer;
    OfferView {
        id: o.id.clone(),
        name: o.name.clone(),
        traeger: o.traeger.clone(),
        town: directory.town_by_id(&o.stadt).map_or_else(|| o.stadt.clone(), |t| t.name.clone()),
        neighbouring_town: r.nachbarstadt,
        target_group: o.zielgruppe.wortlaut.clone(),
        reasons: reasons(&r.reasons, texts),
        focus: o.schwerpunkt.clone(),
        rooms: o.raeume.clone(),
        contact: o.kontakt.clone(),
    }
}

pub fn offers(found: &[Referral], directory: &Directory, texts: &Texts) -> Vec<OfferView> {
    found.iter().map(|r| offer(r, directory, texts)).collect()
}
