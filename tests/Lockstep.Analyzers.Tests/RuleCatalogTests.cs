using System.Reflection;
using System.Text.RegularExpressions;
using Lockstep.Analyzers.CodeFixes;
using Lockstep.Analyzers.Options;
using Lockstep.Analyzers.Scope;
using Lockstep.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Analyzers.Tests;

/// <summary>The rules' metadata agrees everywhere: descriptors, rule pages, help links, release tracking, fixes, options.</summary>
public partial class RuleCatalogTests
{
    private static readonly List<DiagnosticAnalyzer> Analyzers = typeof(TrainingCodeAnalyzer).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToList();

    private static readonly List<DiagnosticDescriptor> Rules = Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_analyzer_derives_from_the_training_scope_base() =>
        Assert.All(Analyzers, analyzer => Assert.IsAssignableFrom<TrainingCodeAnalyzer>(analyzer));

    [Fact]
    public void Each_rule_id_belongs_to_one_descriptor() =>
        Assert.Equal(Rules.Select(rule => rule.Id).Distinct().Count(), Rules.Count);

    [Fact]
    public void Every_descriptor_has_a_rule_page_and_every_page_a_descriptor()
    {
        var pages = Directory.GetFiles(Repository.Path("docs/rules"), "LS*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Rules.Select(rule => rule.Id), pages);
    }

    [Fact]
    public void Every_rule_page_starts_with_its_id_and_title()
    {
        foreach (var rule in Rules)
        {
            var page = Repository.Read($"docs/rules/{rule.Id}.md");
            Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_help_link_points_at_its_rule_page() =>
        Assert.All(Rules, rule => Assert.Equal($"https://github.com/lockstep-ml/lockstep/blob/main/docs/rules/{rule.Id}.md", rule.HelpLinkUri));

    [Fact]
    public void The_rule_index_lists_every_rule_with_its_severity()
    {
        var index = Repository.Read("docs/rules/README.md");

        Assert.All(Rules, rule => Assert.Contains($"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.DefaultSeverity} |", index, StringComparison.Ordinal));
    }

    [Fact]
    public void The_unshipped_release_lists_every_rule_with_its_category_and_severity()
    {
        var rows = ReleaseRow().Matches(Repository.Read("analyzers/Lockstep.Analyzers/AnalyzerReleases.Unshipped.md"))
            .Select(match => (match.Groups["id"].Value, match.Groups["category"].Value, match.Groups["severity"].Value))
            .ToList();

        Assert.Equal(Rules.Select(rule => (rule.Id, rule.Category, rule.DefaultSeverity.ToString())), rows);
    }

    [Fact]
    public void Every_fix_fixes_known_rules() =>
        Assert.All(
            typeof(RewriteFixer).Assembly.GetTypes().Where(type => type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null),
            type => Assert.All(((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds, id => Assert.Contains(id, Rules.Select(rule => rule.Id))));

    [Fact]
    public void Every_option_is_documented_in_the_rule_index()
    {
        var index = Repository.Read("docs/rules/README.md");

        Assert.All(
            new[] { LockstepOptions.DataFileExtensionsKey, LockstepOptions.DataRootsKey, LockstepOptions.MutableReferencePatternsKey, LockstepOptions.SeedParameterNamesKey },
            key => Assert.Contains($"`{key}`", index, StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_props_make_LockstepTrainingCode_visible_to_the_analyzers()
    {
        var props = Repository.Read("analyzers/Lockstep.Analyzers/build/Lockstep.Analyzers.props");

        Assert.Equal("build_property.LockstepTrainingCode", TrainingScope.PropertyKey);
        Assert.Contains("<CompilerVisibleProperty Include=\"LockstepTrainingCode\" />", props, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<id>LS\d{4}) \| (?<category>\w+) \| (?<severity>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex ReleaseRow();
}
