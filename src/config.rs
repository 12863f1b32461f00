//! `argcheck.yaml`: per-rule severities, which files to check, per-path
//! overrides and the numeric settings of section 5. Read with serde-saphyr;
//! every mistake in the file is a diagnostic that points into it.

use crate::finding::Severity;
use crate::numeric::NumberSettings;
use crate::numeric::decimal::{digits_value, pow10};
use crate::rules::{RULES, Rule};
use crate::suggest::closest;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use miette::{Diagnostic, LabeledSpan, NamedSource, SourceSpan};
use num_rational::BigRational;
use num_traits::{One, Zero};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// The name argcheck looks for in the checked directory and its parents.
pub const FILE_NAME: &str = "argcheck.yaml";

/// A rule's configured level: `None` when it is off.
pub type Level = Option<Severity>;

/// The configuration of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// The directory globs are relative to: the file's own directory.
    pub root: PathBuf,
    /// Levels set under `rules:`, by rule name.
    pub rules: BTreeMap<&'static str, Level>,
    /// Which files a directory walk picks; `None` means every `.arg` file.
    pub include: Option<GlobSet>,
    /// Files never checked, walked or named.
    pub exclude: GlobSet,
    /// Per-path levels, applied in order after `rules:`.
    pub overrides: Vec<Override>,
    pub numbers: NumberSettings,
}

/// Levels that apply under some paths only.
#[derive(Debug, Clone)]
pub struct Override {
    pub paths: GlobSet,
    pub rules: BTreeMap<&'static str, Level>,
}

/// A commented starter configuration, written by `argcheck init`. Every
/// setting is shown with its default value, so the file changes nothing
/// until it is edited.
pub const STARTER: &str = r#"# argcheck configuration. argcheck reads the argcheck.yaml found in the
# checked directory or its nearest parent; `--config FILE` names another.
# Paths and globs are relative to this file's directory.

# Severity of each rule: off, note, warning or error.
# `argcheck rules` lists every rule with its default severity.
rules:
  # unsupported-premise: error
  # uncited-quantity: off

# Files that directory walks pick (default: every .arg file).
include: ["**/*.arg"]

# Files that are never checked, even when named on the command line.
exclude: []

# Levels that apply under some paths only, after `rules:`; later entries win.
overrides: []
#  - paths: ["drafts/**"]
#    rules: { unused-premise: off, unused-source: off }

# How hedged figures are read (section 5 of the language).
numbers:
  # `about v` widens the stated interval by this share of v on each side.
  about-tolerance: 5 %
  # `nearly v` is the interval from nearly-factor * v to v.
  nearly-factor: 0.95
"#;

impl Config {
    /// The defaults, with globs relative to `root`.
    pub fn defaults(root: PathBuf) -> Config {
        Config {
            path: None,
            root,
            rules: BTreeMap::new(),
            include: None,
            exclude: GlobSet::empty(),
            overrides: Vec::new(),
            numbers: NumberSettings::default(),
        }
    }

    /// The nearest `argcheck.yaml` in `start` (a directory, or a file's
    /// directory) and its parents.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = std::path::absolute(start).ok()?;
        let dir = if start.is_dir() {
            start.as_path()
        } else {
            start.parent()?
        };
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// The project's directory: where the configuration file in use lies,
    /// if that is the working directory or below it. A configuration above
    /// it (in a home directory, or `/tmp`) or elsewhere does not make its
    /// whole directory a project; `None` with the defaults.
    pub fn project(&self) -> Option<&Path> {
        let cwd = std::env::current_dir().ok()?;
        self.path
            .as_ref()
            .map(|_| self.root.as_path())
            .filter(|root| root.starts_with(&cwd))
    }

    /// Reads and validates the file at `path`.
    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let display = path.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Box::new(ConfigError {
                path: display.clone(),
                text: None,
                span: None,
                message: format!("cannot read the configuration: {e}"),
                label: String::new(),
                help: None,
            })
        })?;
        let root = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let mut config = Config::parse(&display, &text, root)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses and validates configuration text; `name` is used in
    /// diagnostics.
    pub fn parse(name: &str, text: &str, root: PathBuf) -> Result<Config, Box<ConfigError>> {
        let error = |span: Option<SourceSpan>, message: String, label: &str, help| {
            Box::new(ConfigError {
                path: name.to_owned(),
                text: Some(text.to_owned()),
                span,
                message,
                label: label.to_owned(),
                help,
            })
        };
        let raw: RawConfig = serde_saphyr::from_str(text).map_err(|e| {
            let span = e.location().and_then(|l| byte_span(&l));
            let message = plain_message(&e.without_snippet().to_string());
            let help = "`argcheck init` writes a commented example of every setting";
            error(span, message, "here", Some(help.to_owned()))
        })?;
        let at = |p: Problem| error(Some(p.span), p.message, &p.label, p.help);
        let mut config = Config::defaults(root);
        config.rules = levels(raw.rules.unwrap_or_default()).map_err(at)?;
        if let Some(include) = raw.include {
            config.include = Some(globs(&include).map_err(at)?);
        }
        config.exclude = globs(&raw.exclude).map_err(at)?;
        for o in raw.overrides {
            config.overrides.push(Override {
                paths: globs(&o.paths).map_err(at)?,
                rules: levels(o.rules.unwrap_or_default()).map_err(at)?,
            });
        }
        if let Some(t) = raw.numbers.about_tolerance {
            config.numbers.about_tolerance = tolerance(&t).map_err(at)?;
        }
        if let Some(f) = raw.numbers.nearly_factor {
            config.numbers.nearly_factor = factor(&f).map_err(at)?;
        }
        Ok(config)
    }

    /// `path` relative to the configuration's directory, as globs see it;
    /// a path outside that directory is matched as given.
    pub fn relative(&self, path: &Path) -> PathBuf {
        std::path::absolute(path)
            .ok()
            .and_then(|abs| abs.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf())
    }

    /// Whether a file is checked: an excluded file never is; a file found by
    /// a directory walk must match `include` (or be a `.arg` file); a file
    /// named directly is checked whatever its name.
    pub fn selects(&self, path: &Path, named: bool) -> bool {
        let relative = self.relative(path);
        if self.exclude.is_match(&relative) {
            return false;
        }
        if named {
            return true;
        }
        match &self.include {
            Some(include) => include.is_match(&relative),
            None => path.extension().is_some_and(|e| e == "arg"),
        }
    }

    /// The level of `rule` in the file at `path`: the rule's default, then
    /// `rules:`, then each matching override in order.
    pub fn level(&self, rule: &Rule, path: &Path) -> Level {
        let mut level = self
            .rules
            .get(rule.name)
            .copied()
            .unwrap_or(Some(rule.severity));
        if self.overrides.is_empty() {
            return level;
        }
        let relative = self.relative(path);
        for o in &self.overrides {
            if o.paths.is_match(&relative)
                && let Some(&l) = o.rules.get(rule.name)
            {
                level = l;
            }
        }
        level
    }

    /// Sets one rule's level everywhere, over the file's settings.
    pub fn force(&mut self, rule: &'static Rule, level: Level) {
        self.rules.insert(rule.name, level);
        for o in &mut self.overrides {
            o.rules.remove(rule.name);
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    rules: Option<RawLevels>,
    #[serde(default)]
    include: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    numbers: RawNumbers,
}

/// Rule names and levels, as written; every scalar is read as its text so
/// that `off` stays a word and `0.95` stays exact.
type RawLevels = HashMap<Spanned<String>, Spanned<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    rules: Option<RawLevels>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNumbers {
    about_tolerance: Option<Spanned<String>>,
    nearly_factor: Option<Spanned<String>>,
}

/// A validation problem at a place in the file.
struct Problem {
    span: SourceSpan,
    message: String,
    label: String,
    help: Option<String>,
}

fn problem(at: &Spanned<String>, message: String, label: &str, help: Option<String>) -> Problem {
    Problem {
        span: byte_span(&at.referenced).unwrap_or_else(|| SourceSpan::new(0.into(), 0)),
        message,
        label: label.to_owned(),
        help,
    }
}

fn byte_span(location: &serde_saphyr::Location) -> Option<SourceSpan> {
    let span = location.span();
    let offset = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len().unwrap_or(0)).ok()?;
    Some(SourceSpan::new(offset.into(), len))
}

/// serde-saphyr's message without the position it spells out (`error: line
/// L column C:` before, ` at line L, column C` after), which the diagnostic
/// shows by itself.
fn plain_message(rendered: &str) -> String {
    let text = rendered.strip_prefix("error: ").unwrap_or(rendered);
    let text = match text.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(text, |(_, m)| m),
        None => text,
    };
    let text = match text.rfind(" at line ") {
        Some(k) if text[k..].contains(", column ") => &text[..k],
        _ => text,
    };
    format!("invalid configuration: {text}")
}

const LEVEL_NAMES: [&str; 4] = ["off", "note", "warning", "error"];

fn level_named(name: &str) -> Option<Level> {
    match name {
        "off" => Some(None),
        "note" => Some(Some(Severity::Note)),
        "warning" => Some(Some(Severity::Warning)),
        "error" => Some(Some(Severity::Error)),
        _ => None,
    }
}

/// Validates rule names and levels, reporting the first mistake in
/// document order.
fn levels(raw: RawLevels) -> Result<BTreeMap<&'static str, Level>, Problem> {
    let mut entries: Vec<_> = raw.into_iter().collect();
    entries.sort_by_key(|(name, _)| name.referenced.span().offset());
    let mut out = BTreeMap::new();
    for (name, level) in entries {
        let Some(rule) = crate::rules::rule(&name.value) else {
            let help = closest(&name.value, RULES.iter().map(|r| r.name))
                .map(|near| format!("did you mean `{near}`?"))
                .unwrap_or_else(|| "`argcheck rules` lists every rule".to_owned());
            return Err(problem(
                &name,
                format!("unknown rule `{}`", name.value),
                "no such rule",
                Some(help),
            ));
        };
        let Some(parsed) = level_named(&level.value) else {
            let prefix_of = LEVEL_NAMES
                .into_iter()
                .find(|n| !level.value.is_empty() && n.starts_with(level.value.as_str()));
            let help = match prefix_of.or_else(|| closest(&level.value, LEVEL_NAMES)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "a level is one of off, note, warning, error".to_owned(),
            };
            return Err(problem(
                &level,
                format!(
                    "expected off, note, warning or error for `{}`, found `{}`",
                    rule.name, level.value
                ),
                "not a level",
                Some(help),
            ));
        };
        out.insert(rule.name, parsed);
    }
    Ok(out)
}

fn globs(patterns: &[Spanned<String>]) -> Result<GlobSet, Problem> {
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        let glob = GlobBuilder::new(&p.value)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                problem(
                    p,
                    format!("invalid glob `{}`: {}", p.value, e.kind()),
                    "this glob",
                    None,
                )
            })?;
        set.add(glob);
    }
    set.build().map_err(|e| Problem {
        span: SourceSpan::new(0.into(), 0),
        message: format!("invalid globs: {e}"),
        label: String::new(),
        help: None,
    })
}

/// A plain decimal such as `0.95` or `5`, exactly.
fn decimal(text: &str) -> Option<BigRational> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || (text.contains('.') && fraction.is_empty()) {
        return None;
    }
    let digits = digits_value(&format!("{whole}{fraction}"))?;
    let scale = pow10(-i64::try_from(fraction.len()).ok()?)?;
    Some(BigRational::from_integer(digits) * scale)
}

/// `about-tolerance`: a percentage such as `5 %`, or a fraction such as
/// `0.05`; from 0 up to 100 %.
fn tolerance(at: &Spanned<String>) -> Result<BigRational, Problem> {
    let text = at.value.trim();
    let value = match text.strip_suffix('%') {
        Some(percent) => decimal(percent.trim()).map(|v| v / BigRational::from_integer(100.into())),
        None => decimal(text),
    };
    match value {
        Some(v) if v <= BigRational::one() => Ok(v),
        _ => Err(problem(
            at,
            format!("expected a tolerance such as `5 %`, found `{}`", at.value),
            "not a tolerance",
            Some("write a percentage from 0 % to 100 %, or a fraction from 0 to 1".to_owned()),
        )),
    }
}

/// `nearly-factor`: a decimal above 0 and at most 1.
fn factor(at: &Spanned<String>) -> Result<BigRational, Problem> {
    match decimal(at.value.trim()) {
        Some(v) if v > BigRational::zero() && v <= BigRational::one() => Ok(v),
        _ => Err(problem(
            at,
            format!("expected a factor such as `0.95`, found `{}`", at.value),
            "not a factor",
            Some("write a decimal above 0 and at most 1".to_owned()),
        )),
    }
}

/// A configuration that cannot be used: a usage error (exit 2), shown as a
/// diagnostic pointing into the file.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: String,
    /// The file's text; `None` when it could not be read.
    pub text: Option<String>,
    pub span: Option<SourceSpan>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("config"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.text.as_ref().map(|t| t as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.text.as_ref()?;
        let span = self.span?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.clone()), span),
        )))
    }
}

impl ConfigError {
    /// The diagnostic as text, with the file's name over the excerpt.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false);
        let named = Named {
            inner: self,
            source: self
                .text
                .as_ref()
                .map(|t| NamedSource::new(&self.path, t.clone())),
        };
        let mut out = String::new();
        if handler.render_report(&mut out, &named).is_err() {
            out = format!("{}: {}\n", self.path, self.message);
        }
        out
    }
}

/// The error with a named source, so the excerpt's header names the file.
struct Named<'a> {
    inner: &'a ConfigError,
    source: Option<NamedSource<String>>,
}

impl fmt::Debug for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.inner, f)
    }
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner.text {
            Some(_) => f.write_str(&self.inner.message),
            None => write!(f, "{}: {}", self.inner.path, self.inner.message),
        }
    }
}

impl std::error::Error for Named<'_> {}

impl Diagnostic for Named<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.code()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.help()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        self.inner.labels()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::decimal::ratio;

    fn parse(text: &str) -> Result<Config, Box<ConfigError>> {
        Config::parse("argcheck.yaml", text, PathBuf::from("/project"))
    }

    #[test]
    fn the_documented_shape_parses() {
        let config = parse(
            "rules:\n  unsupported-premise: error\n  uncited-quantity: off\n\
             include: [\"**/*.arg\"]\nexclude: [\"drafts/**\"]\n\
             overrides:\n  - paths: [\"archive/**\"]\n    rules: { unused-source: off }\n\
             numbers:\n  about-tolerance: 5 %\n  nearly-factor: 0.95\n",
        )
        .unwrap();
        let premise = crate::rules::rule("unsupported-premise").unwrap();
        let quantity = crate::rules::rule("uncited-quantity").unwrap();
        let source = crate::rules::rule("unused-source").unwrap();
        let claim = crate::rules::rule("unsupported-claim").unwrap();
        let here = Path::new("/project/a.arg");
        assert_eq!(config.level(premise, here), Some(Severity::Error));
        assert_eq!(config.level(quantity, here), None);
        assert_eq!(config.level(claim, here), Some(Severity::Error));
        assert_eq!(config.level(source, here), Some(Severity::Warning));
        assert_eq!(
            config.level(source, Path::new("/project/archive/x/b.arg")),
            None
        );
        assert!(config.selects(Path::new("/project/sub/a.arg"), false));
        assert!(!config.selects(Path::new("/project/sub/a.txt"), false));
        assert!(!config.selects(Path::new("/project/drafts/a.arg"), true));
        assert_eq!(config.numbers, NumberSettings::default());
    }

    #[test]
    fn numbers_are_read_exactly() {
        let config = parse("numbers:\n  about-tolerance: 2.5%\n  nearly-factor: 0.9\n").unwrap();
        assert_eq!(config.numbers.about_tolerance, ratio(1, 40));
        assert_eq!(config.numbers.nearly_factor, ratio(9, 10));
        let config = parse("numbers:\n  about-tolerance: 0.1\n").unwrap();
        assert_eq!(config.numbers.about_tolerance, ratio(1, 10));
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let config = parse("# nothing yet\n").unwrap();
        assert!(config.rules.is_empty() && config.include.is_none());
    }

    #[test]
    fn the_starter_parses_and_changes_nothing() {
        let config = parse(STARTER).unwrap();
        assert!(config.rules.is_empty());
        assert!(config.overrides.is_empty());
        assert_eq!(config.numbers, NumberSettings::default());
        assert!(config.selects(Path::new("/project/a/b.arg"), false));
    }

    fn error_of(text: &str) -> ConfigError {
        *parse(text).expect_err("the configuration is rejected")
    }

    #[test]
    fn mistakes_point_into_the_file() {
        let e = error_of("rules:\n  unsuported-premise: error\n");
        assert_eq!(e.message, "unknown rule `unsuported-premise`");
        assert_eq!(
            e.help.as_deref(),
            Some("did you mean `unsupported-premise`?")
        );
        assert_eq!(e.span, Some(SourceSpan::new(9.into(), 18)));
        let e = error_of("rules:\n  unused-source: warn\n");
        assert_eq!(e.help.as_deref(), Some("did you mean `warning`?"));
        assert_eq!(e.span, Some(SourceSpan::new(24.into(), 4)));
        let e = error_of("numbers:\n  nearly-factor: 1.5\n");
        assert!(e.message.contains("expected a factor"), "{}", e.message);
        let e = error_of("numbers:\n  about-tolerance: five\n");
        assert!(e.message.contains("expected a tolerance"), "{}", e.message);
        let e = error_of("exclude: [\"a/[\"]\n");
        assert!(e.message.contains("invalid glob"), "{}", e.message);
        let e = error_of("rulez: {}\n");
        assert!(e.message.contains("unknown field `rulez`"), "{}", e.message);
        assert_eq!(e.span, Some(SourceSpan::new(0.into(), 5)));
        let e = error_of("rules: [\n");
        assert!(e.span.is_some());
    }
}
