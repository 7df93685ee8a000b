namespace Lockstep.Sdk.Tests;

public sealed class DataLockTests : IDisposable
{
    private readonly TempRepository repository = new();

    public DataLockTests()
    {
        repository.Write("lockstep.yml", "version: 1\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");
        repository.Write("data/train.csv", "x,y\n1,0\n2,1\n");
        repository.Write("data/test.csv", "x,y\n3,1\n");
        repository.Pin("data/train.csv", "data/test.csv");
    }

    [Fact]
    public void A_pinned_file_that_matches_gives_its_full_path()
    {
        Assert.Equal(repository.Path("data/train.csv"), repository.Context().Data.Verify("data/train.csv"));
    }

    [Fact]
    public void Relative_paths_are_read_from_the_lock_directory_first_then_the_working_directory()
    {
        repository.Directory("src/Train");
        var data = repository.Context("src/Train").Data;

        Assert.Equal(repository.Path("data/train.csv"), data.Verify("data/train.csv"));
        Assert.Equal(repository.Path("data/train.csv"), data.Verify("../../data/train.csv"));
        Assert.Equal(repository.Path("data/train.csv"), data.Verify(repository.Path("data/train.csv")));
    }

    [Fact]
    public void A_changed_file_names_the_file_both_digests_and_the_command_that_re_pins_it()
    {
        var expected = TempRepository.Sha256(repository.Path("data/train.csv"));
        repository.Write("data/train.csv", "x,y\n1,0\n2,0\n");
        var actual = TempRepository.Sha256(repository.Path("data/train.csv"));

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/train.csv"));

        Assert.Equal(
            $"{repository.Path("data.lock.json")}: data/train.csv: does not match its pin: expected sha256 {expected} (12 bytes), " +
            $"found sha256 {actual} (12 bytes); if the change is intended, re-pin it: lockstep data pin data/train.csv",
            error.Message);
        Assert.Equal((expected, actual, "data/train.csv"), (error.ExpectedSha256, error.ActualSha256, error.Key));
    }

    [Fact]
    public void A_file_of_another_size_is_a_mismatch()
    {
        repository.Write("data/test.csv", "x,y\n3,1\n4,0\n");

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/test.csv"));

        Assert.Contains("(8 bytes), found sha256", error.Message, StringComparison.Ordinal);
        Assert.Contains("(12 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpinned_file_says_how_to_pin_it()
    {
        repository.Write("data/new.csv", "x\n");

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/new.csv"));

        Assert.Equal($"{repository.Path("data.lock.json")}: data/new.csv: not pinned in data.lock.json: pin it with lockstep data pin data/new.csv", error.Message);
    }

    [Fact]
    public void A_missing_pinned_file_is_an_error()
    {
        File.Delete(repository.Path("data/test.csv"));

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/test.csv"));

        Assert.StartsWith($"{repository.Path("data.lock.json")}: data/test.csv: the pinned file is missing: expected sha256 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_outside_the_lock_directory_cannot_be_pinned()
    {
        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("/elsewhere/train.csv"));

        Assert.Contains("/elsewhere/train.csv: outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lock_the_error_says_how_to_make_one()
    {
        File.Delete(repository.Path("data.lock.json"));

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/train.csv"));

        Assert.Equal(
            $"{repository.Path("data.lock.json")}: not found: pin the data with `lockstep data pin <path>` at the repository root, or set LOCKSTEP_DATA_LOCK",
            error.Message);
    }

    [Fact]
    public void A_lock_that_breaks_the_contract_is_an_error_naming_the_lock()
    {
        repository.Write("data.lock.json", """{"schema":"lockstep.data-lock/v1","files":{"data/train.csv":{"sha256":"x","size":1}}}""");

        var error = Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/train.csv"));

        Assert.Equal($"{repository.Path("data.lock.json")}: $.files['data/train.csv'].sha256: expected 64 lowercase hexadecimal digits, got \"x\"", error.Message);
    }

    [Fact]
    public void The_variable_points_at_another_lock()
    {
        File.Move(repository.Path("data.lock.json"), repository.Path("data.other.json"));
        repository.Write("data/data.lock.json", File.ReadAllText(repository.Path("data.other.json")).Replace("data/", "", StringComparison.Ordinal));

        var data = repository.Context(null, ("LOCKSTEP_DATA_LOCK", "data/data.lock.json")).Data;

        Assert.Equal(repository.Path("data/train.csv"), data.Verify("train.csv"));
    }

    [Fact]
    public void A_file_is_hashed_once_per_process()
    {
        var data = repository.Context().Data;
        data.Verify("data/train.csv");
        repository.Write("data/train.csv", "changed after it was verified\n");

        Assert.Equal(repository.Path("data/train.csv"), data.Verify("data/train.csv"));
        Assert.Throws<DataLockException>(() => repository.Context().Data.Verify("data/train.csv"));
    }

    public void Dispose() => repository.Dispose();
}
