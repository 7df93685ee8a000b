namespace Lockstep.AzureDevOps.Tests;

/// <summary>Escaping as the Azure Pipelines agent unescapes it (azure-pipelines-agent CommandStringConvertor).</summary>
public class LoggingCommandsTests
{
    [Fact]
    public void Data_escapes_percent_cr_and_lf() =>
        Assert.Equal("100%AZP25 sure%0D%0Anext; a]", LoggingCommands.EscapeData("100% sure\r\nnext; a]"));

    [Fact]
    public void Properties_also_escape_semicolon_and_closing_bracket() =>
        Assert.Equal("a%3Bb%5D 5%AZP25%0A", LoggingCommands.EscapeProperty("a;b] 5%\n"));

    [Fact]
    public void Command_ends_each_property_with_a_semicolon() =>
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=lock%3Bstep.yml;linenumber=7;]m%AZP25",
            LoggingCommands.Format("task.logissue", [new("type", "error"), new("sourcepath", "lock;step.yml"), new("linenumber", "7")], "m%"));

    [Fact]
    public void Command_without_properties_closes_the_bracket_directly() =>
        Assert.Equal("##vso[task.uploadsummary]/tmp/s.md", LoggingCommands.Format("task.uploadsummary", [], "/tmp/s.md"));
}
