using Lockstep.Core.Pinning;

namespace Lockstep.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public DataCommandTests()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(cli.Directory, ".git"));
        cli.Write("lockstep.yml", "version: 1\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");
        cli.Write("data/train.csv", "x,y\n1,0\n2,1\n");
        cli.Write("data/test.csv", "x,y\n3,1\n");
        cli.Write("data/.DS_Store", "finder");
        cli.Write("data/raw/2026-11-24.parquet", "PAR1");
    }

    [Fact]
    public void Pin_writes_sorted_forward_slash_paths_with_digest_and_size()
    {
        var run = cli.Run("data", "pin", "data/train.csv", "data/raw");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lockFile = DataLockJson.Parse(cli.Read("data.lock.json"), "data.lock.json");
        Assert.Equal(["data/raw/2026-11-24.parquet", "data/train.csv"], lockFile.Files.Keys);
        Assert.Equal(new DataPin { Sha256 = Sha256("data/train.csv"), Size = 12 }, lockFile.Files["data/train.csv"]);
        Assert.Equal(new DataPin { Sha256 = Sha256("data/raw/2026-11-24.parquet"), Size = 4 }, lockFile.Files["data/raw/2026-11-24.parquet"]);
        Assert.Equal(
            "added     data/raw/2026-11-24.parquet  4 bytes\nadded     data/train.csv               12 bytes\nwrote data.lock.json: 2 files pinned\n",
            run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData("data/")]
    [InlineData("./data/")]
    [InlineData("./data")]
    [InlineData("data/raw/../")]
    public void A_directory_with_a_trailing_slash_or_dot_segments_pins_the_files_under_it(string path)
    {
        var run = cli.Run("data", "pin", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["data/raw/2026-11-24.parquet", "data/test.csv", "data/train.csv"],
            DataLockJson.Parse(cli.Read("data.lock.json"), "data.lock.json").Files.Keys);
    }

    [Fact]
    public void Pinning_a_directory_skips_dot_files_and_the_lock_itself()
    {
        cli.Run("data", "pin", "data/train.csv");

        var run = cli.Run("data", "pin", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["data/raw/2026-11-24.parquet", "data/test.csv", "data/train.csv", "lockstep.yml"],
            DataLockJson.Parse(cli.Read("data.lock.json"), "data.lock.json").Files.Keys);
        Assert.Contains("unchanged data/train.csv", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_pinning_keeps_other_pins_updates_changed_ones_and_drops_deleted_files_under_a_pinned_directory()
    {
        cli.Run("data", "pin", "data", "lockstep.yml");
        cli.Write("data/train.csv", "x,y\n1,0\n2,1\n3,1\n");
        File.Delete(Path.Combine(cli.Directory, "data/test.csv"));

        var run = cli.Run("data", "pin", "data");

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = DataLockJson.Parse(cli.Read("data.lock.json"), "data.lock.json").Files;
        Assert.Equal(["data/raw/2026-11-24.parquet", "data/train.csv", "lockstep.yml"], files.Keys);
        Assert.Equal(Sha256("data/train.csv"), files["data/train.csv"].Sha256);
        Assert.Contains("changed   data/train.csv", run.Out, StringComparison.Ordinal);
        Assert.Contains("removed   data/test.csv\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_finds_the_lock_at_the_root_from_a_subdirectory()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(cli.Directory, "src/Train"));

        var run = RunIn("src/Train", "data", "pin", "../../data/test.csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["data/test.csv"], DataLockJson.Parse(cli.Read("data.lock.json"), "data.lock.json").Files.Keys);
        Assert.EndsWith($"wrote {Path.Combine(cli.Directory, "data.lock.json")}: 1 file pinned\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_passes_when_every_file_matches()
    {
        cli.Run("data", "pin", "data");

        var run = cli.Run("data", "verify");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("verified 3 files against data.lock.json: all match\n", run.Out);
    }

    [Fact]
    public void Verify_fails_with_one_line_per_changed_or_missing_file()
    {
        cli.Run("data", "pin", "data");
        var pinned = Sha256("data/train.csv");
        cli.Write("data/train.csv", "x,y\n1,1\n2,1\n");
        File.Delete(Path.Combine(cli.Directory, "data/test.csv"));

        var run = cli.Run("data", "verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"data/test.csv: the pinned file is missing: expected sha256 {Sha256Of("x,y\n3,1\n")} (8 bytes); restore it, or re-pin its directory to drop the pin\n" +
            $"data/train.csv: does not match its pin: expected sha256 {pinned} (12 bytes), found sha256 {Sha256("data/train.csv")} (12 bytes); " +
            "if the change is intended, re-pin it: lockstep data pin data/train.csv\n" +
            "verified 3 files against data.lock.json: 2 do not match\n",
            run.Out);
    }

    [Fact]
    public void Verify_uses_the_lock_given_by_option_or_variable()
    {
        cli.Run("data", "pin", "--lock", "data/data.lock.json", "data/train.csv");
        Assert.Equal(["train.csv"], DataLockJson.Parse(cli.Read("data/data.lock.json"), "lock").Files.Keys);

        Assert.Equal(0, cli.Run("data", "verify", "--lock", "data/data.lock.json").ExitCode);
        Assert.Equal(2, cli.Run("data", "verify").ExitCode);
        cli.Environment["LOCKSTEP_DATA_LOCK"] = "data/data.lock.json";
        Assert.Equal("verified 1 file against data/data.lock.json: all match\n", cli.Run("data", "verify").Out);
    }

    [Fact]
    public void Verify_without_a_lock_or_with_a_bad_one_is_an_input_error()
    {
        var missing = cli.Run("data", "verify");
        Assert.Equal((2, "error: data.lock.json: not found: pin the data first with `lockstep data pin <paths>`\n"), (missing.ExitCode, missing.Error));

        cli.Write("data.lock.json", """{"schema":"lockstep.data-lock/v1","files":{"data/train.csv":{"sha256":"abc","size":12}}}""");
        var bad = cli.Run("data", "verify");
        Assert.Equal((2, "error: data.lock.json: $.files['data/train.csv'].sha256: expected 64 lowercase hexadecimal digits, got \"abc\"\n"), (bad.ExitCode, bad.Error));
    }

    [Fact]
    public void Pin_refuses_a_missing_path_or_one_outside_the_lock_directory_and_writes_nothing()
    {
        var missing = cli.Run("data", "pin", "data/train.csv", "data/nope.csv");
        Assert.Equal((2, "error: data/nope.csv: no such file or directory\n"), (missing.ExitCode, missing.Error));
        Assert.False(cli.Exists("data.lock.json"));

        var outside = cli.Run("data", "pin", "--lock", "data/data.lock.json", "lockstep.yml");
        Assert.Equal(2, outside.ExitCode);
        Assert.StartsWith("error: lockstep.yml: outside ", outside.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_needs_at_least_one_path()
    {
        var run = cli.Run("data", "pin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("See 'lockstep data pin --help'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_on_a_terminal_is_redrawn_and_cleared()
    {
        cli.Write("data/big.bin", new string('x', 3_000_000));
        using var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, cli.Environment, cli.Directory, true) { ErrorIsTerminal = true, Clock = new SteppingClock() };

        var exitCode = await LockstepCommand.RunAsync(["data", "pin", "data/big.bin"], context);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "\rhashing data/big.bin:  35.0% of 3.0 MB\u001b[K\rhashing data/big.bin:  69.9% of 3.0 MB\u001b[K\rhashing data/big.bin: 100.0% of 3.0 MB\u001b[K\r\u001b[J",
            error.ToString());
    }

    [Fact]
    public void No_progress_is_drawn_into_a_log()
    {
        cli.Write("data/big.bin", new string('x', 3_000_000));

        var run = cli.Run("data", "pin", "data/big.bin");

        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData("pin")]
    [InlineData("verify")]
    public void Help_shows_examples(string command)
    {
        var run = cli.Run("data", command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Examples:\n    lockstep data {command}", run.Out, StringComparison.Ordinal);
    }

    private CliRun RunIn(string directory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, cli.Environment, Path.Combine(cli.Directory, directory), false);
        var exitCode = Task.Run(() => LockstepCommand.RunAsync(args, context)).GetAwaiter().GetResult();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A clock that moves a second every time it is read, so that every progress report is due.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks += TimeSpan.TicksPerSecond;
    }

    private string Sha256(string name) => Sha256Of(cli.Read(name));

    private static string Sha256Of(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    public void Dispose() => cli.Dispose();
}
