using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Lockstep.Cli.Commands;

/// <summary>
/// Parsing rules that every option of a kind shares, applied once to the whole command tree: a number names the
/// option and the value it could not read (never a .NET type), and an empty value says that the variable it came
/// from may be unset.
/// </summary>
public static partial class OptionParsing
{
    /// <summary>Gives every option under <paramref name="root"/> the rules of its kind.</summary>
    public static T Apply<T>(T root)
        where T : Command
    {
        RunAfterOptions(root);
        foreach (var option in root.Options)
        {
            Apply(option);
        }

        foreach (var command in root.Subcommands)
        {
            Apply(command);
        }

        return root;
    }

    /// <summary>
    /// System.CommandLine skips the options' checks once a command's own check has failed, so a command check that
    /// needs other options (<c>--model-name</c> unless <c>--into</c>) would hide a bad value; it waits for good values.
    /// </summary>
    private static void RunAfterOptions(Command command)
    {
        var validators = command.Validators.ToList();
        command.Validators.Clear();
        foreach (var validator in validators)
        {
            command.Validators.Add(result =>
            {
                if (!result.Children.OfType<OptionResult>().Any(HasBadValue))
                {
                    validator(result);
                }
            });
        }
    }

    private static bool HasBadValue(OptionResult result) => result.Option switch
    {
        Option<int> => !Reads<int>(result),
        Option<long> => !Reads<long>(result),
        Option<double> => !Reads<double>(result),
        Option<string> or Option<string?> or Option<string[]> => result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)),
        _ => false,
    };

    private static bool Reads<TNumber>(OptionResult result)
        where TNumber : struct, INumber<TNumber> =>
        result.Tokens.Count == 0 || TryRead<TNumber>(result.Tokens[^1].Value, out _);

    private static void Apply(Option option)
    {
        switch (option)
        {
            case Option<int> whole when whole.CustomParser is null:
                whole.CustomParser = result => Number(result, whole.DefaultValueFactory, "a whole number");
                OnlyWhenANumber<int>(whole);
                break;
            case Option<long> whole when whole.CustomParser is null:
                whole.CustomParser = result => Number(result, whole.DefaultValueFactory, "a whole number");
                OnlyWhenANumber<long>(whole);
                break;
            case Option<double> number when number.CustomParser is null:
                number.CustomParser = result => Number(result, number.DefaultValueFactory, "a number");
                OnlyWhenANumber<double>(number);
                break;
            case Option<string> or Option<string?> or Option<string[]> when !option.Validators.Contains(RefuseEmpty):
                option.Validators.Add(RefuseEmpty);
                break;
        }
    }

    private static TNumber Number<TNumber>(ArgumentResult result, Func<ArgumentResult, TNumber>? defaultValue, string expected)
        where TNumber : struct, INumber<TNumber>
    {
        if (result.Tokens.Count == 0)
        {
            return defaultValue is null ? default : defaultValue(result);
        }

        var text = result.Tokens[^1].Value;
        if (TryRead<TNumber>(text, out var value))
        {
            return value;
        }

        result.AddError($"{NameOf(result)} expects {expected}, got '{text}'");
        return default;
    }

    private static bool TryRead<TNumber>(string text, out TNumber value)
        where TNumber : struct, INumber<TNumber>
    {
        var style = typeof(TNumber) == typeof(int) || typeof(TNumber) == typeof(long) ? NumberStyles.Integer : NumberStyles.Float;
        return TNumber.TryParse(text, style, CultureInfo.InvariantCulture, out value) && TNumber.IsFinite(value);
    }

    /// <summary>
    /// A validator of a number's range (<c>--bins</c> at least 2) reads the value, which throws when it is not a
    /// number; the not-a-number error is already there, so such validators run only on a number.
    /// </summary>
    private static void OnlyWhenANumber<TNumber>(Option option)
        where TNumber : struct, INumber<TNumber>
    {
        var validators = option.Validators.ToList();
        option.Validators.Clear();
        foreach (var validator in validators)
        {
            option.Validators.Add(result =>
            {
                if (Reads<TNumber>(result))
                {
                    validator(result);
                }
            });
        }
    }

    private static void RefuseEmpty(OptionResult result)
    {
        if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
        {
            var name = result.Option.Name;
            result.AddError(Variable().Match(result.Option.Description ?? string.Empty) is { Success: true } variable
                ? $"{name} was given an empty value: is {variable.Value} unset or empty here?"
                : $"{name} was given an empty value: is the variable it came from unset or empty?");
        }
    }

    private static string NameOf(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    /// <summary>A variable the option's description says it is usually given, such as <c>$GITHUB_EVENT_PATH</c>.</summary>
    [GeneratedRegex(@"\$[A-Z][A-Z0-9_]*")]
    private static partial Regex Variable();
}
