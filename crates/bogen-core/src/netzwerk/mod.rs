//! The KIM network of Kreis Mettmann: the directory of Beratungsangebote, the check of the five
//! KIM Zielgruppen and the referral finder. Everything here is a suggestion with its reasons;
//! the case manager decides and records her decision in the Screeningbogen.

pub mod bundle;
pub mod chosen;
pub mod day;
pub mod directory;
pub mod eligibility;
pub mod person;
pub mod reason;
pub mod referral;
pub mod screening;
pub mod view;

pub use bundle::NetzwerkBundle;
pub use chosen::Chosen;
pub use day::Day;
pub use directory::{Directory, DirectoryError, Offer, Town};
pub use eligibility::{suggest, Proposal, Suggestion, Verdict, Zielgruppe};
pub use person::{ComplexNeed, Concern, Person, Region, Status};
pub use reason::Reason;
pub use referral::{find, Referral, UnknownTown};
pub use screening::from_screening;
