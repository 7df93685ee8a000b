namespace Lockstep.GitHub.Tests;

/// <summary>Escaping as the GitHub runner unescapes it (actions/toolkit command.ts).</summary>
public class WorkflowCommandsTests
{
    [Fact]
    public void Data_escapes_percent_cr_and_lf_only() =>
        Assert.Equal("100%25 sure%0D%0Anext: a, b", WorkflowCommands.EscapeData("100% sure\r\nnext: a, b"));

    [Fact]
    public void Properties_also_escape_colon_and_comma() =>
        Assert.Equal("Gate 'a%2Cb' failed%3A 5%25%0A", WorkflowCommands.EscapeProperty("Gate 'a,b' failed: 5%\n"));

    [Fact]
    public void Command_joins_properties_with_commas() =>
        Assert.Equal(
            "::error file=lockstep.yml,line=7,title=T%3A x::m%25",
            WorkflowCommands.Format("error", [new("file", "lockstep.yml"), new("line", "7"), new("title", "T: x")], "m%"));

    [Fact]
    public void Command_without_properties_has_no_space() =>
        Assert.Equal("::debug::hello", WorkflowCommands.Format("debug", [], "hello"));
}
