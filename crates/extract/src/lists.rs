//! Figures in lists: `A、B、C分别增长x、y、z` gives the i-th figure the i-th subject, when the
//! counts match (else the figures of the list keep no subject: a wrong pairing is worse
//! than none). A list right after such a one in the same sentence, with no subject of its
//! own and as many figures, pairs the same way (`城乡居民人均可支配收入分别达6.9万元、3.4万元，
//! 增长4.2%、5.3%`). So does a list with no subject of its own after as many figures of
//! different things, one a clause (`城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，
//! 实际增长8.4%和8%`).
//!
//! The subjects are split at 、 和 及 与; a short first item shares the last item's tail
//! (`城镇和农村常住居民人均可支配收入` → 城镇常住居民…, 农村常住居民…), and `城乡X` reads as
//! 城镇X, 农村X and `一二三产X` as 一产X, 二产X, 三产X.

use crate::quantity::Quantity;

/// How a quantity stands in its sentence, for [`pair`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Link {
    /// It continues a list: only 、 和 及 与 stand between it and the figure before.
    pub listed: bool,
    /// 分别 stands before it in its clause.
    pub respectively: bool,
    /// Index of its sentence.
    pub sentence: usize,
    /// Where it ends in the text as read.
    pub end: usize,
}

/// Pair the figures of `分别` lists with their subjects (see the module docs).
pub(crate) fn pair(qs: &mut [Quantity], links: &[Link]) {
    // The last 分别 list: its sentence, its subject as written, its items.
    let mut last: Option<(usize, String, Vec<String>)> = None;
    let mut i = 0;
    while i < qs.len() {
        let mut j = i + 1;
        while j < qs.len() && links[j].listed && links[j].sentence == links[i].sentence {
            j += 1;
        }
        let n = j - i;
        if n >= 2 && links[i].respectively {
            let joint = qs[i].subject.clone();
            let items = items(&joint);
            if items.len() == n {
                assign(&mut qs[i..j], &items);
            } else if let Some(names) = named_before(qs, links, i, j) {
                assign(&mut qs[i..j], &names);
            } else {
                qs[i..j].iter_mut().for_each(|q| q.subject.clear());
            }
            last = Some((links[i].sentence, joint, items));
        } else if let Some(names) = (n >= 2).then(|| named_before(qs, links, i, j)).flatten() {
            assign(&mut qs[i..j], &names);
        } else if let Some((sentence, joint, items)) = &last {
            // A list of its own subject (or only the last list's, carried over) pairs
            // like the last.
            let carried = qs[i].subject.is_empty() || qs[i].subject == *joint;
            if n >= 2 && *sentence == links[i].sentence && items.len() == n && carried {
                let items = items.clone();
                assign(&mut qs[i..j], &items);
            }
        }
        i = j;
    }
}

/// The subjects of the list `qs[i..j]` when it has none of its own (or only the one
/// carried from the figure before) and the figures right before it in its sentence, one
/// a clause, name as many different things: `城镇居民人均可支配收入15781元，农村居民人均纯收入
/// 4761元，实际增长8.4%和8%` pairs in order.
fn named_before(qs: &[Quantity], links: &[Link], i: usize, j: usize) -> Option<Vec<String>> {
    let n = j - i;
    let before = qs.get(i.checked_sub(n)?..i)?;
    let sentence = links[i].sentence;
    let one_sentence = links[i - n..j].iter().all(|l| l.sentence == sentence);
    // Each a clause of its own, not one list.
    let separate = links[i - n + 1..i].iter().all(|l| !l.listed);
    let names: Vec<String> = before.iter().map(|q| q.subject.clone()).collect();
    let mut distinct = names.clone();
    distinct.sort();
    distinct.dedup();
    let named = distinct.len() == n && names.iter().all(|s| !s.is_empty());
    let own = &qs[i..j];
    let carried = own
        .iter()
        .all(|q| q.subject.is_empty() || q.subject == names[n - 1]);
    (one_sentence && separate && named && carried).then_some(names)
}

fn assign(qs: &mut [Quantity], items: &[String]) {
    for (q, s) in qs.iter_mut().zip(items) {
        q.subject = s.clone();
    }
}

/// The items a list subject names (see the module docs).
fn items(subject: &str) -> Vec<String> {
    let pieces: Vec<&str> = subject
        .split(['、', '和', '及', '与'])
        .filter(|p| !p.is_empty())
        .collect();
    if let [one] = pieces[..] {
        for (head, parts) in [
            ("城乡", &["城镇", "农村"][..]),
            ("一二三产", &["一产", "二产", "三产"][..]),
        ] {
            if let Some(rest) = one.strip_prefix(head) {
                return parts.iter().map(|p| format!("{p}{rest}")).collect();
            }
        }
        return vec![one.to_owned()];
    }
    let Some(last) = pieces.last() else {
        return Vec::new();
    };
    pieces
        .iter()
        .map(|p| {
            let n = p.chars().count();
            if n <= 2 && last.chars().count() > n + 1 {
                // 城镇 + (农村)常住居民人均可支配收入
                let tail: String = last.chars().skip(n).collect();
                format!("{p}{tail}")
            } else {
                (*p).to_owned()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::quantity::quantities;

    fn subjects(text: &str) -> Vec<(String, String)> {
        quantities(text)
            .into_iter()
            .map(|q| (q.text, q.subject))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn respective_lists_pair_in_order() {
        assert_eq!(
            subjects("规上工业增加值、规上服务业营收分别增长6.5%和7%。"),
            pairs(&[("6.5%", "规上工业增加值"), ("7%", "规上服务业营收")])
        );
        assert_eq!(
            subjects("城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。"),
            pairs(&[
                ("6.9万元", "城镇居民人均可支配收入"),
                ("3.4万元", "农村居民人均可支配收入"),
                ("4.2%", "城镇居民人均可支配收入"),
                ("5.3%", "农村居民人均可支配收入"),
            ])
        );
        assert_eq!(
            subjects("城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%。"),
            pairs(&[
                ("3.9%", "城镇常住居民人均可支配收入"),
                ("5.7%", "农村常住居民人均可支配收入"),
            ])
        );
    }

    #[test]
    fn a_list_after_figures_of_several_things_pairs_with_them() {
        // 2008 national report.
        assert_eq!(
            subjects("城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%。"),
            pairs(&[
                ("15781元", "城镇居民人均可支配收入"),
                ("4761元", "农村居民人均纯收入"),
                ("8.4%", "城镇居民人均可支配收入"),
                ("8%", "农村居民人均纯收入"),
            ])
        );
        assert_eq!(
            subjects("出口2.1万亿元，进口1.5万亿元，分别增长5%和6%。"),
            pairs(&[
                ("2.1万亿元", "出口"),
                ("1.5万亿元", "进口"),
                ("5%", "出口"),
                ("6%", "进口"),
            ])
        );
    }

    #[test]
    fn counts_that_differ_leave_no_subject() {
        assert_eq!(
            subjects("出口、进口和顺差分别增长5%和6%。"),
            pairs(&[("5%", ""), ("6%", "")])
        );
    }
}
