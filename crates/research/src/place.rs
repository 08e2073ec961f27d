//! Places as the index keys them (`河南省/驻马店市`): names and levels.

/// Shown for records whose passage has no place.
pub const NO_PLACE: &str = "(no place)";

/// A level to roll places up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Provinces (and 全国).
    Province,
    /// Prefecture-level places; a county counts under its prefecture.
    Prefecture,
}

/// A place key rolled up to `level` (`山东省/菏泽市/郓城县` → `山东省/菏泽市`); as it is
/// when `None` or already at or above the level.
pub fn roll_up(key: &str, level: Option<Level>) -> String {
    let depth = match level {
        None => return key.to_string(),
        Some(Level::Province) => 1,
        Some(Level::Prefecture) => 2,
    };
    key.split('/').take(depth).collect::<Vec<_>>().join("/")
}

/// The display name of a place key: its parts joined (`河南省驻马店市`).
pub fn name(key: &str) -> String {
    key.split('/').collect()
}

/// The place's own name, without the places above it (`驻马店市`).
pub fn short(key: &str) -> String {
    key.rsplit('/').next().unwrap_or(key).to_string()
}

/// The parts of a place key.
pub fn path(key: &str) -> Vec<String> {
    key.split('/').map(str::to_owned).collect()
}

/// `national`, `province`, `prefecture` or `county`, as the gazetteer the index was built
/// with says; empty for a path it does not know.
pub fn level(key: &str) -> &'static str {
    let gaz = govmine_places::Gazetteer::embedded();
    gaz.by_path(&path(key)).map_or("", |p| gaz.level_name(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_levels() {
        assert_eq!(name("河南省/驻马店市"), "河南省驻马店市");
        assert_eq!(short("河南省/驻马店市"), "驻马店市");
        assert_eq!(level("河南省/驻马店市"), "prefecture");
        assert_eq!(level("重庆市/渝北区"), "county");
        assert_eq!(level("山东省/菏泽市/郓城县"), "county");
        assert_eq!(level("全国"), "national");
        assert_eq!(level("甘肃省"), "province");
        // A county-level city right under its province.
        assert_eq!(level("湖北省/仙桃市"), "county");
        assert_eq!(level("火星/某市"), "");
        assert_eq!(
            roll_up("山东省/菏泽市/郓城县", Some(Level::Prefecture)),
            "山东省/菏泽市"
        );
        assert_eq!(
            roll_up("山东省/菏泽市/郓城县", Some(Level::Province)),
            "山东省"
        );
        assert_eq!(roll_up("全国", Some(Level::Prefecture)), "全国");
        assert_eq!(
            roll_up("山东省/菏泽市/郓城县", None),
            "山东省/菏泽市/郓城县"
        );
    }
}
