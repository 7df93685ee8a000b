using Lockstep.Scaffolding.Engine;
using Scriban.Runtime;

namespace Lockstep.Scaffolding.Tests.Engine;

/// <summary>The engine is strict: unknown names, members and runaway templates are errors with a position.</summary>
public sealed class TemplateEngineTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("lockstep-templates-");

    [Fact]
    public void An_unknown_variable_is_an_error_at_its_position()
    {
        var error = Assert.Throws<TemplateException>(() => Render("model-card.md.sbn", "line one\n  {{ modle.name }}", new ScriptObject { ["model"] = new ScriptObject() }));

        Assert.Equal(".lockstep/templates/model-card.md.sbn(2,6): The variable or function `modle` was not found", error.Message);
    }

    [Fact]
    public void An_unknown_member_is_an_error_not_an_empty_string()
    {
        var error = Assert.Throws<TemplateException>(() => Render("model-card.md.sbn", "{{ model.nmae }}", new ScriptObject { ["model"] = new ScriptObject { ["name"] = "m" } }));

        Assert.StartsWith(".lockstep/templates/model-card.md.sbn(1,10): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_of_nothing_is_an_error()
    {
        var error = Assert.Throws<TemplateException>(() => Render("x.sbn", "{{ card.facts.owner }}", new ScriptObject { ["card"] = new ScriptObject { ["facts"] = null } }));

        Assert.StartsWith(".lockstep/templates/x.sbn(1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var error = Assert.Throws<TemplateException>(() => Render("x.sbn", "ok\n{{ if }}\n", new ScriptObject()));

        Assert.Matches(@"^\.lockstep/templates/x\.sbn\(2,\d+\): ", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Loops_are_bounded()
    {
        var error = Assert.Throws<TemplateException>(() => Render("x.sbn", "{{ for i in 1..100000 }}.{{ end }}", new ScriptObject()));

        Assert.Contains("loop", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Recursion_is_bounded()
    {
        var error = Assert.Throws<TemplateException>(() => Render("x.sbn", "{{ func f(n)\n ret f(n + 1)\nend }}{{ f 0 }}", new ScriptObject()));

        Assert.Contains("recursi", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_override_replaces_the_built_in_template_of_the_same_name()
    {
        Write("lockstep.yml.sbn", "version: 1\n# our own policy for {{ task }}\ngates: []\n");

        var policy = new Scaffolder(Library()).Policy(ModelTasks.Regression, false);

        Assert.Equal("version: 1\n# our own policy for regression\ngates: []\n", policy.Content);
        Assert.Contains("auc-regression", new Scaffolder(TemplateLibrary.BuiltIn).Policy(ModelTasks.BinaryClassification, false).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_reads_from_the_override_folder_then_the_built_in_templates()
    {
        Write("part.sbn", "[part {{ x }}]");

        var output = Render("x.sbn", "a {{ include 'part.sbn' }} b", new ScriptObject { ["x"] = 1 });

        Assert.Equal("a [part 1] b", output);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("a/../../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\secret.txt")]
    [InlineData(".hidden")]
    public void An_include_cannot_leave_the_template_folder(string name)
    {
        File.WriteAllText(Path.Combine(root.FullName, "secret.txt"), "secret");

        var error = Assert.Throws<TemplateException>(() => Render("x.sbn", $"{{{{ include '{name.Replace("\\", "\\\\", StringComparison.Ordinal)}' }}}}", new ScriptObject()));

        Assert.Contains("not a template name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_out_of_the_template_folder_is_refused()
    {
        var outside = Path.Combine(root.FullName, "outside.sbn");
        File.WriteAllText(outside, "outside");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "templates"));
        File.CreateSymbolicLink(Path.Combine(folder.FullName, "lockstep.yml.sbn"), outside);

        var error = Assert.Throws<TemplateException>(() => new Scaffolder(Library()).Policy(ModelTasks.Regression, false));

        Assert.Equal(".lockstep/templates/lockstep.yml.sbn: refused: a link points outside .lockstep/templates", error.Message);
    }

    [Fact]
    public void A_template_that_does_not_exist_is_named_with_the_ones_that_do()
    {
        var error = Assert.Throws<TemplateException>(() => new TemplateEngine(TemplateLibrary.BuiltIn).Render("nope.sbn", new ScriptObject()));

        Assert.Contains("no template 'nope.sbn' (built-in templates: azure-pipelines-drill.yml.sbn, azure-pipelines-monitor.yml.sbn, azure-pipelines-retrain.yml.sbn, azure-pipelines.yml.sbn, azure/drill-steps.yml.sbn, azure/history-checkout.sbn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_expressions_in_escape_blocks_survive_rendering()
    {
        var output = Render("x.sbn", "token: {%{${{ github.token }}}%} for {{ name }}", new ScriptObject { ["name"] = "m" });

        Assert.Equal("token: ${{ github.token }} for m", output);
    }

    public void Dispose() => root.Delete(recursive: true);

    private string Render(string name, string text, ScriptObject model)
    {
        Write(name, text);
        return new TemplateEngine(Library()).Render(name, model);
    }

    private TemplateLibrary Library() => new(new OverrideFolder(Path.Combine(root.FullName, "templates"), ".lockstep/templates"));

    private void Write(string name, string text)
    {
        var path = Path.Combine(root.FullName, "templates", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
