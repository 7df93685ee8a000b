using Lockstep.Sdk;
using Microsoft.ML;

// Each line marked LS… must be reported by the build, and no other line.
var jitter = new Random(); // LS1001
var careless = new MLContext(); // LS1003
var pinned = File.ReadAllText("data/train.csv");
var unpinned = File.ReadAllText("data/holdout.csv"); // LS2001
var latest = "data/latest/train.csv"; // LS2002

var ml = new MLContext(seed: TrainingRun.Seed);
var shuffle = TrainingRun.Random("shuffle");
var train = DataLock.Path("data/train.csv");
var bucket = StableHash.Bucket("customer-1", 10);

var card = new ReportCardBuilder("churn", "1.0.0", "binary-classification")
    .Dataset("train", "data/train.csv", rows: 2)
    .Metric("auc", 0.9)
    .TrainedAt()
    .Write("out/report-card.json");

Console.WriteLine($"seed {TrainingRun.Seed}");
Console.WriteLine($"train {train}");
Console.WriteLine($"card {card}");
GC.KeepAlive((jitter, careless, pinned, unpinned, latest, ml, shuffle, bucket));
