using System.CommandLine;

namespace Lockstep.Cli.Tests.Commands;

/// <summary>The rules every option of a kind shares, checked on every option of every command.</summary>
public sealed class OptionParsingTests : IDisposable
{
    private static readonly Type[] NumberTypes = [typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal), typeof(int?), typeof(double?)];

    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string, string> NumericOptions() => Options(option => NumberTypes.Contains(option.ValueType));

    public static TheoryData<string, string> TextOptions() => Options(option => option.ValueType == typeof(string) || option.ValueType == typeof(string[]));

    [Fact]
    public void The_tree_has_numeric_and_text_options()
    {
        Assert.True(NumericOptions().Count >= 5);
        Assert.True(TextOptions().Count >= 50);
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void A_bad_number_names_the_option_and_the_value(string command, string option)
    {
        var result = CommandTree.Root().Parse([.. command.Split(' '), option, "abc"]);

        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith($"{option} expects a ", StringComparison.Ordinal) && m.EndsWith(" number, got 'abc'", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("System.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void A_number_that_is_not_finite_is_refused(string command, string option)
    {
        var result = CommandTree.Root().Parse([.. command.Split(' '), option, "NaN"]);

        Assert.Contains(result.Errors, e => e.Message.StartsWith($"{option} expects a ", StringComparison.Ordinal) && e.Message.EndsWith("got 'NaN'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TextOptions))]
    public void An_empty_value_says_the_variable_it_came_from_may_be_unset(string command, string option)
    {
        var result = CommandTree.Root().Parse([.. command.Split(' '), option, ""]);

        Assert.Contains(result.Errors, e => e.Message.StartsWith($"{option} was given an empty value: is ", StringComparison.Ordinal) && e.Message.EndsWith(" unset or empty here?", StringComparison.Ordinal) || e.Message == $"{option} was given an empty value: is the variable it came from unset or empty?");
    }

    [Fact]
    public void A_bad_number_is_a_usage_error_before_any_file_is_read()
    {
        var run = cli.Run("eval", "--predictions", "missing.csv", "--label", "y", "--score", "p", "--threshold", "abc", "--out", "c.json", "--model-name", "m", "--model-version", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --threshold expects a number, got 'abc'\nSee 'lockstep eval --help'.\n", run.Error);
    }

    [Fact]
    public void A_range_check_on_a_bad_number_does_not_crash()
    {
        var run = cli.Run("drift", "--reference", "r.csv", "--current", "c.csv", "--out", "d.json", "--bins", "ten");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --bins expects a whole number, got 'ten'\nSee 'lockstep drift --help'.\n", run.Error);
    }

    [Fact]
    public void Default_numbers_still_apply_when_the_option_is_left_out()
    {
        var result = CommandTree.Root().Parse(["drift", "--reference", "r.csv", "--current", "c.csv", "--out", "d.json"]);

        Assert.Empty(result.Errors);
        Assert.Equal(10, result.GetValue<int>("--bins"));
        Assert.Equal(0.1, result.GetValue<double>("--psi-threshold"));
    }

    [Fact]
    public void An_empty_pr_event_names_the_variable_it_is_usually_given()
    {
        cli.WriteDemoInputs();

        var run = cli.Run("report", "--gate", "result.json", "--pr-event", "");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --pr-event was given an empty value: is $GITHUB_EVENT_PATH unset or empty here?\nSee 'lockstep report --help'.\n", run.Error);
    }

    private static TheoryData<string, string> Options(Func<Option, bool> kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTree.Commands())
        {
            foreach (var option in command.Options.Where(kind))
            {
                data.Add(string.Join(' ', path), option.Name);
            }
        }

        return data;
    }
}
