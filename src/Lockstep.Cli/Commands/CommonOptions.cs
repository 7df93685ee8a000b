using System.CommandLine;
using System.CommandLine.Parsing;

namespace Lockstep.Cli.Commands;

/// <summary>Options and parsing rules shared by the commands that read data files.</summary>
public static class CommonOptions
{
    public static Option<char?> Delimiter() => new("--delimiter")
    {
        Description = "CSV field delimiter (default: tab for .tsv, comma otherwise). Parquet files (.parquet, .pq) need none.",
        HelpName = "char",
        CustomParser = ParseDelimiter,
    };

    private static char? ParseDelimiter(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var delimiter = text switch
        {
            "\\t" or "tab" => "\t",
            _ => text,
        };
        if (delimiter.Length != 1)
        {
            result.AddError($"--delimiter expects one character (or 'tab'), got '{text}'");
            return null;
        }

        return delimiter[0];
    }
}
