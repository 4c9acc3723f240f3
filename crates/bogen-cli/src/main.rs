//! `bogen`: the forms of Bogen on the command line, for case stores' import scripts.
//!
//! The same core as the browser judges the data, so an import accepts exactly what the form
//! accepted. This file reads the arguments and hands over to one module per command.

mod catalogue;
mod checked;
mod commands;
mod envelope;
mod failure;
mod form;
mod input;
mod network;
mod output;
mod write;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use crate::output::{Exit, Output};

/// Messages are English unless `--lang` says otherwise: import logs are read by administrators.
const MESSAGES_LANG: &str = "en";
/// Records are German unless `--lang` says otherwise: the forms are filled in in German.
const RECORD_LANG: &str = "de";

const EXIT_CODES: &str = "\
Exit codes:
  0  valid (validate), listed (forms), record written (record), PDF written (pdf), record
     written (extract), offers listed, possibly none (refer), suggestion printed (eligibility)
  1  invalid: one line `<pointer>: <message>` per error on standard output. A record whose data
     does not match its digest (/dataHash) or that belongs to another form than --form names
     (/form/id) is invalid too. Pointers point into the file given, so a record's data errors
     start with /data; for extract they point into the record attached to the PDF. pdf and
     extract write nothing for an invalid record.
  2  the input cannot be judged: a missing or unreadable file, not JSON (with line and column),
     too large or too deeply nested, an unknown form or language, not a record, a record of a
     newer format or form version than this bogen knows, not a PDF or a PDF without an attached
     Bogen record (extract), a layout template that is broken or does not fit the form (pdf),
     an unknown town, status, region or date, or a broken directory (refer, eligibility).
     One line on standard error names the file.

With --json, errors are printed as [{\"pointer\": \"…\", \"message\": \"…\"}] ([] when valid) and the
reason for exit code 2 as {\"error\": \"…\"}, both on standard output. Warnings (a record made
with an older form version) go to standard error.";

#[derive(Parser)]
#[command(name = "bogen", version, about = "Bogen forms on the command line: list, validate, make records and PDFs.")]
#[command(after_help = EXIT_CODES)]
struct Cli {
    /// Print results and errors as JSON on standard output.
    #[arg(long, global = true)]
    json: bool,

    /// Language of messages, `en` (default) or `de`. For `record` also the record's language
    /// (default `de`).
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in forms: id, version and German title, separated by tabs.
    Forms,
    /// Check a record against the built-in form it names, or data against the form --form names.
    #[command(after_help = EXIT_CODES)]
    Validate {
        /// A built-in form id, or the path of a JSON Schema file (`./name` for a file without a
        /// dot). A record given with --form must belong to that form.
        #[arg(long, value_name = "ID|SCHEMA")]
        form: Option<String>,
        /// The record or data file; `-` reads standard input.
        file: PathBuf,
    },
    /// Wrap valid data in a new record; invalid data gives exit code 1 and no record.
    #[command(after_help = EXIT_CODES)]
    Record {
        /// A built-in form id, or the path of a JSON Schema file.
        #[arg(long, value_name = "ID|SCHEMA")]
        form: String,
        /// The data file; `-` reads standard input.
        data: PathBuf,
        /// Where to write the record; standard output without it or for `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Lay out a valid record as the participant's PDF (PDF/A-3a), the record attached. An
    /// invalid record gives exit code 1 and no PDF: a participant must not be handed a document
    /// of data the form refuses.
    #[command(after_help = EXIT_CODES)]
    Pdf {
        /// The record file; `-` reads standard input.
        record: PathBuf,
        /// Where to write the PDF; `-` writes it to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// A layout template (JSON) to use instead of the form's built-in layout.
        #[arg(long, value_name = "LAYOUT")]
        template: Option<PathBuf>,
    },
    /// Get the record back out of a PDF made by `bogen pdf` or the browser, checked as validate
    /// checks a record (its digest included); an invalid record gives exit code 1 and is not
    /// written. `bogen import` is the same command.
    #[command(after_help = EXIT_CODES, visible_alias = "import")]
    Extract {
        /// The PDF; `-` reads standard input.
        pdf: PathBuf,
        /// Where to write the record; standard output without it or for `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Suggest offers of the Regelstruktur in the person's town (and, when it has none, in the
    /// neighbouring towns) for a person KIM does not take in, each with why it fits. Facts not
    /// given are not known: an offer that needs them is not listed.
    #[command(after_help = EXIT_CODES)]
    Refer(ReferArgs),
    /// Suggest from a Screeningbogen (data or record) which KIM Zielgruppen match and whether
    /// the need is complex, with the reasons or the missing answers. The case manager decides.
    #[command(after_help = EXIT_CODES)]
    Eligibility {
        /// Screeningbogen data or a record of it; `-` reads standard input.
        file: PathBuf,
        /// The day to judge on, JJJJ-MM-TT (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// Region of origin when the data has none: suedosteuropa or sonstige.
        #[arg(long, value_name = "REGION")]
        origin: Option<String>,
    },
}

#[derive(clap::Args)]
struct ReferArgs {
    /// The town the person lives in: Erkrath, Haan, Heiligenhaus, Hilden, Langenfeld, Mettmann,
    /// Monheim am Rhein, Ratingen, Velbert, Wülfrath (any case; "monheim", "wuelfrath").
    #[arg(long)]
    town: String,
    /// Age in years.
    #[arg(long)]
    age: Option<u32>,
    /// Residence status: duldung, gestattung, 104c, 25a, 25b, aufenthaltserlaubnis,
    /// niederlassungserlaubnis, eu, sonstige.
    #[arg(long)]
    status: Option<String>,
    /// Date of entry to Germany, JJJJ-MM-TT.
    #[arg(long, value_name = "DATE")]
    entered: Option<String>,
    /// Region of origin: suedosteuropa or sonstige.
    #[arg(long, value_name = "REGION")]
    origin: Option<String>,
    /// A concern specialised offers are for: diskriminierung.
    #[arg(long)]
    concern: Option<String>,
    /// Came to Germany unaccompanied and under age.
    #[arg(long)]
    uma: bool,
    /// Fled to Germany (implied by Duldung, Gestattung, 104c, 25a, 25b and --uma).
    #[arg(long)]
    refugee: bool,
    /// Lives in a municipal shelter or a flat the town rents.
    #[arg(long)]
    housing: bool,
    /// Has no home.
    #[arg(long)]
    homeless: bool,
    /// Receives benefits under SGB II (Jobcenter).
    #[arg(long)]
    sgb2: bool,
    /// The day to judge on, JJJJ-MM-TT (default: today).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// A directory of offers (forms/netzwerk/schema.json) to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    directory: Option<PathBuf>,
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // A panic is a bug in bogen, not a verdict on the input: exit code 2 tells an import to
        // hold the file back rather than reject it, and the line says what to report.
        let what = info.to_string().replace('\n', " ");
        let _ = writeln!(std::io::stderr(), "error: bogen failed unexpectedly, please report: {what}");
        std::process::exit(Exit::Unusable as i32);
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    let out = Output { json: cli.json };
    let lang = cli.lang.as_deref();
    let result = match &cli.command {
        Command::Forms => commands::forms::run(&out),
        Command::Validate { form, file } => {
            commands::validate::run(file, form.as_deref(), lang.unwrap_or(MESSAGES_LANG), &out)
        }
        Command::Record { form, data, output } => {
            let args = commands::record::Args {
                form,
                data,
                output: output.as_deref(),
                lang: lang.unwrap_or(MESSAGES_LANG),
                record_lang: lang.unwrap_or(RECORD_LANG),
            };
            commands::record::run(&args, &out)
        }
        Command::Pdf { record, output, template } => {
            let args = commands::pdf::Args {
                record,
                output,
                template: template.as_deref(),
                lang: lang.unwrap_or(MESSAGES_LANG),
            };
            commands::pdf::run(&args, &out)
        }
        Command::Extract { pdf, output } => {
            commands::extract::run(pdf, output.as_deref(), lang.unwrap_or(MESSAGES_LANG), &out)
        }
        Command::Refer(a) => {
            let args = commands::refer::Args {
                town: &a.town,
                age: a.age,
                status: a.status.as_deref(),
                entered: a.entered.as_deref(),
                origin: a.origin.as_deref(),
                concern: a.concern.as_deref(),
                uma: a.uma,
                refugee: a.refugee,
                housing: a.housing,
                homeless: a.homeless,
                sgb2: a.sgb2,
                today: a.today.as_deref(),
                directory: a.directory.as_deref(),
                lang: lang.unwrap_or(MESSAGES_LANG),
            };
            commands::refer::run(&args, &out)
        }
        Command::Eligibility { file, today, origin } => {
            let args = commands::eligibility::Args {
                file,
                today: today.as_deref(),
                origin: origin.as_deref(),
                lang: lang.unwrap_or(MESSAGES_LANG),
            };
            commands::eligibility::run(&args, &out)
        }
    };
    let exit = result.unwrap_or_else(|e| {
        out.unusable(&e);
        Exit::Unusable
    });
    ExitCode::from(exit as u8)
}

/// Help and version exit 0; wrong arguments are unusable input (exit code 2), in JSON too when
/// `--json` was among them.
fn usage(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return ExitCode::SUCCESS;
    }
    if std::env::args_os().any(|a| a == "--json") {
        let text = e.render().to_string();
        let first = text.lines().next().unwrap_or_default().trim_start_matches("error: ");
        let _ = Output { json: true }.json_value(&serde_json::json!({ "error": first }));
    }
    ExitCode::from(Exit::Unusable as u8)
}
