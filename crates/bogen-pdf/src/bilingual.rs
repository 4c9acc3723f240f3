//! Bilingual documents: the German text, which is binding, and its translation into the
//! participant's language, for the forms a participant must understand to consent or agree
//! (Datenschutzerklärung, Hilfeplan; templates with `"bilingual": true`).
//!
//! The German part comes first and is complete, laid out exactly as a German-only PDF; the
//! translation follows from a new page as a part of its own, tagged with its language and laid
//! out in its direction. Two whole parts rather than German and translation interleaved field
//! by field: the binding text reads as one document a case store can rely on, a right-to-left
//! translation does not alternate alignment with German every few lines, and the participant
//! reads the translation as one text. Right below the title both parts say that the German text
//! is binding, each in its language, the translated note on the first page too. The signatures
//! come once, at the end, after both parts: the participant signs having had both.

use crate::model::{Block, Composition};
use crate::wording::Wording;

/// The participant's language and its wording, for the translated part.
pub(crate) struct Translation<'a> {
    pub lang: &'a str,
    pub rtl: bool,
    pub wording: &'a Wording<'a>,
}

/// German composition and translated composition of the same record joined into one document.
pub(crate) fn join(
    german: Composition,
    german_wording: &Wording,
    translated: Composition,
    to: Translation,
) -> Composition {
    let part = |blocks, new_page| Block::Part { lang: to.lang.to_owned(), rtl: to.rtl, new_page, blocks };
    let binding = |wording: &Wording| Block::Paragraph(wording.get("binding").to_owned());
    let (mut blocks, signatures) = without_signatures(german.blocks);
    let at = title_end(&blocks);
    blocks.splice(at..at, [binding(german_wording), part(vec![binding(to.wording)], false)]);
    let (mut translation, _) = without_signatures(translated.blocks);
    let at = title_end(&translation);
    translation.insert(at, binding(to.wording));
    blocks.push(part(translation, true));
    blocks.extend(signatures);
    Composition { title: german.title, traeger: german.traeger, blocks }
}

/// Where the blocks after the document title start.
fn title_end(blocks: &[Block]) -> usize {
    usize::from(matches!(blocks.first(), Some(Block::Heading { level: 1, .. })))
}

/// The blocks without the sections holding signature boxes, and those sections.
fn without_signatures(blocks: Vec<Block>) -> (Vec<Block>, Vec<Block>) {
    blocks.into_iter().partition(|b| match b {
        Block::Section(inner) => !inner.iter().any(|b| matches!(b, Block::Signatures(_))),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::SignatureView;

    fn document(title: &str, text: &str) -> Composition {
        let signatures = Block::Section(vec![
            Block::Heading { level: 2, text: "Unterschriften".into() },
            Block::Signatures(Vec::<SignatureView>::new()),
        ]);
        Composition {
            title: title.into(),
            traeger: None,
            blocks: vec![Block::Heading { level: 1, text: title.into() }, Block::Paragraph(text.into()), signatures],
        }
    }

    #[test]
    fn german_then_translation_then_the_signatures_once() {
        let de = BTreeMap::from([("pdf.binding".to_owned(), "Maßgeblich ist die deutsche Fassung.".to_owned())]);
        let uk = BTreeMap::from([("pdf.binding".to_owned(), "Обов’язковою є німецька версія.".to_owned())]);
        let none = BTreeMap::new();
        let (de_wording, uk_wording) = (Wording::new(&de, &none, "de"), Wording::new(&uk, &none, "uk"));
        let joined = join(
            document("Hilfeplan", "Text"),
            &de_wording,
            document("План допомоги", "Текст"),
            Translation { lang: "uk", rtl: false, wording: &uk_wording },
        );
        let blocks = &joined.blocks;
        assert_eq!(joined.title, "Hilfeplan");
        assert!(matches!(&blocks[0], Block::Heading { level: 1, text } if text == "Hilfeplan"));
        assert_eq!(blocks[1], Block::Paragraph("Maßgeblich ist die deutsche Fassung.".into()));
        let Block::Part { lang, new_page: false, blocks: note, .. } = &blocks[2] else { panic!("{blocks:?}") };
        assert_eq!(
            (lang.as_str(), note.as_slice()),
            ("uk", [Block::Paragraph("Обов’язковою є німецька версія.".into())].as_slice())
        );
        assert_eq!(blocks[3], Block::Paragraph("Text".into()));
        let Block::Part { new_page: true, blocks: translation, .. } = &blocks[4] else { panic!("{blocks:?}") };
        assert!(matches!(&translation[0], Block::Heading { level: 1, text } if text == "План допомоги"));
        assert_eq!(translation[1], Block::Paragraph("Обов’язковою є німецька версія.".into()));
        assert!(!translation.iter().any(|b| matches!(b, Block::Section(_))), "no second signature block");
        assert!(matches!(&blocks[5], Block::Section(inner) if matches!(inner[1], Block::Signatures(_))));
        assert_eq!(blocks.len(), 6);
    }
}
