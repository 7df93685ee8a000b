using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

/// <summary>
/// LS2001 and model artifacts: a path that reaches a model save or load, an output or a model's folder is not
/// data, however the value travels; paths that are read as data stay reported. The shapes are those of the public
/// ML.NET and TorchSharp samples of the precision study (docs/rules/precision.md), written anew.
/// </summary>
public class DataPathArtifactTests
{
    [Fact]
    public Task A_model_path_saved_or_loaded_through_fields_constants_properties_and_locals_is_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Row
            {
                public float Label;
            }

            class TaxiFare
            {
                private const string ModelsFolder = "../../../MLModels";
                private const string ModelFile = "TaxiFare.zip";
                private static readonly string ModelRelativePath = $"{ModelsFolder}/fare-model.zip";
                private static readonly string ModelPath = GetAbsolutePath(ModelRelativePath);
                private static string TrainPath = GetAbsolutePath({|LS2001:"../../../Data/taxi-fare-train.csv"|});

                private string CheckpointPath { get; } = Path.Join("checkpoints", "fare.zip");

                void Train(MLContext ml, ITransformer model, DataViewSchema schema)
                {
                    var data = ml.Data.LoadFromTextFile<Row>(TrainPath, hasHeader: true);
                    ml.Model.Save(model, schema, ModelPath);
                    ml.Model.Save(model, schema, Path.Combine(ModelsFolder, ModelFile));
                    ml.Model.Save(model, schema, CheckpointPath);
                    var local = Path.GetFullPath("exports/" + "fare-local.zip");
                    ml.Model.Save(model, schema, local);
                }

                ITransformer Load(MLContext ml) => ml.Model.Load(Path.GetFullPath("Fare.zip"), out _);

                private static string GetAbsolutePath(string relativePath) => Path.Combine(Directory.GetCurrentDirectory(), relativePath);
            }
            """).RunAsync();

    [Fact]
    public Task A_model_loaded_from_a_stream_or_a_path_written_through_a_stream_is_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Scorer
            {
                ITransformer Load(MLContext ml)
                {
                    using var file = File.OpenRead("model.zip");
                    return ml.Model.Load(file, out _);
                }

                void Export(MLContext ml, ITransformer model, DataViewSchema schema)
                {
                    using (var stream = new FileStream("exports/scores.csv", FileMode.Create, FileAccess.Write))
                    {
                        ml.Model.Save(model, schema, stream);
                    }

                    using var written = File.OpenWrite("exports/predictions.csv");
                    using var appended = File.Open("exports/log.csv", FileMode.Append);
                    using var read = File.Open({|LS2001:"data/valid.csv"|}, FileMode.Open);
                }
            }
            """).RunAsync();

    [Fact]
    public Task TorchSharp_module_weights_saved_or_loaded_are_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using TorchSharp;
            using static TorchSharp.torch;

            class Classifier
            {
                private const string WeightsFile = "weights.bin";

                void Run(nn.Module<Tensor, Tensor> model, string outputDir)
                {
                    model.save(Path.Combine(outputDir, WeightsFile));
                    model.load("pretrained/resnet.bin");
                    var batches = File.ReadAllBytes({|LS2001:"data/cifar/data_batch_1.bin"|});
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_model_registered_with_a_PredictionEnginePool_is_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using Microsoft.Extensions.ML;

            class Startup
            {
                private const string ModelPath = "MLModels/sentiment_model.zip";

                void Configure(PredictionEnginePoolBuilder<Input, Output> pool)
                {
                    pool.FromFile(modelName: "SentimentModel", filePath: ModelPath, watchForChanges: true);
                    pool.FromFile("LandUse.zip");
                }
            }

            class Input
            {
                public string Text = "";
            }

            class Output
            {
                public bool Prediction;
            }
            """).WithSource("/MicrosoftExtensionsMl.cs", MicrosoftExtensionsMlSurface).RunAsync();

    [Fact]
    public Task ONNX_exports_and_scoring_models_and_other_packages_model_files_are_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;
            using Microsoft.ML.Transforms.TimeSeries;

            class Exports
            {
                private static readonly string OnnxPath = Path.Combine("exports", "fare.zip");

                void Run(MLContext ml, ITransformer model, IDataView data, TimeSeriesPredictionEngine<Input, Output> engine)
                {
                    using (var stream = File.Open(OnnxPath, FileMode.Create))
                    {
                        ml.Model.ConvertToOnnx(model, data, stream);
                    }

                    var scorer = ml.Transforms.ApplyOnnxModel(modelFile: "pretrained/scorer.bin", outputColumnNames: ["Score"], inputColumnNames: ["Features"]);
                    var graph = ml.Model.LoadTensorFlowModel("pretrained/sentiment");
                    var vocabulary = File.ReadAllLines(Path.Combine("pretrained/sentiment", "imdb_word_index.csv"));
                    engine.CheckPoint(ml, "forecast.bin");
                    var features = File.ReadAllLines({|LS2001:"data/features.csv"|});
                }
            }

            class Input
            {
                public float Value;
            }

            class Output
            {
                public float[] Forecast = [];
            }
            """).WithSource("/OtherPackages.cs", OnnxTensorFlowAndTimeSeriesSurface).RunAsync();

    [Fact]
    public Task A_path_passed_to_a_method_of_another_class_that_loads_a_model_is_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Program
            {
                private static readonly string ModelPath = Path.Combine("assets", "outputs", "fraud-detector.zip");
                private static readonly string TestPath = Path.Combine("assets", "inputs", {|LS2001:"testData.csv"|});

                static void Main()
                {
                    var predictor = new Predictor(ModelPath, TestPath);
                    predictor.Run();
                }
            }

            class Predictor
            {
                private readonly string modelFile;
                private readonly string dataFile;

                public Predictor(string modelFile, string dataFile)
                {
                    this.modelFile = modelFile;
                    this.dataFile = dataFile;
                }

                public void Run()
                {
                    var ml = new MLContext(seed: 1);
                    var model = ml.Model.Load(modelFile, out _);
                    var rows = File.ReadAllLines(dataFile);
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_helper_that_builds_both_data_and_model_paths_keeps_the_data_paths_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Row
            {
                public float Label;
            }

            class Program
            {
                private static readonly string DataPath = GetAbsolutePath({|LS2001:"Data/phone-calls.csv"|});
                private static readonly string ModelPath = GetAbsolutePath("MLModels/PhoneCalls.zip");

                static void Main()
                {
                    var ml = new MLContext(seed: 1);
                    var data = ml.Data.LoadFromTextFile<Row>(DataPath);
                    ml.Model.Save(ml.Transforms.Concatenate("Features", "Label").Fit(data), data.Schema, ModelPath);
                }

                private static string GetAbsolutePath(string relative)
                {
                    var root = new FileInfo(typeof(Program).Assembly.Location).Directory!.FullName;
                    string fullPath = Path.Combine(root, relative);
                    return fullPath;
                }
            }
            """).RunAsync();

    [Fact]
    public Task An_ML_NET_model_zip_is_known_by_its_name_where_no_save_or_load_is_in_sight() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO.Compression;

            class Paths
            {
                public static readonly string TaxiFare = "MLModels/TaxiFareModel.zip";
                public static readonly string Sentiment = "sentiment_model.zip";
                public static readonly string ModelLocation = "exports/classifier.zip";
                public static readonly string Forecast = $"{Settings.AIModelsPath}/product_month_fastTree.zip";
                public static readonly string Images = {|LS2001:"datasets/flower_photos.zip"|};
                public static readonly string Shapes = {|LS2001:"ModelNet40.zip"|};

                void Extract() => ZipFile.ExtractToDirectory({|LS2001:"data/creditcard-dataset.zip"|}, "data/extracted");
            }

            static class Settings
            {
                public static string AIModelsPath { get; set; } = "";
            }
            """).RunAsync();

    [Fact]
    public Task Files_beside_a_model_in_its_folder_are_the_model_s_own() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;

            class Detector
            {
                const string ModelName = "model.onnx", LabelsName = "labels.txt";

                void Load(string modelsDirectory, string assets)
                {
                    var model = Path.Combine(modelsDirectory, ModelName);
                    var labels = File.ReadAllLines(Path.Combine(modelsDirectory, LabelsName));
                    var graph = Path.Combine(assets, "inputs", "inception", "tensorflow_inception_graph.pb");
                    var names = File.ReadAllLines(Path.Combine(assets, "inputs", "inception", "imagenet_label_strings.txt"));
                    var tags = File.ReadAllLines(Path.Combine(assets, "inputs", {|LS2001:"tags.tsv"|}));
                }
            }
            """).RunAsync();

    [Fact]
    public Task Configuration_files_are_not_data_by_default() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;

            class Settings
            {
                string A => File.ReadAllText("appsettings.json");
                string B => File.ReadAllText("appsettings.Development.json");
                string C => File.ReadAllText(Path.Combine("weights", "config.json"));
                string D => File.ReadAllText("training.config.json");
                string E => File.ReadAllText("launchSettings.json");
                string F => File.ReadAllText("checkpoints/model.safetensors.index.json");
                string G => File.ReadAllText({|LS2001:"data/squad-train.json"|});
            }
            """).RunAsync();

    [Fact]
    public Task Reading_back_a_whole_path_the_type_writes_or_downloads_is_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using System.IO.Compression;
            using System.Net;
            using Microsoft.ML;

            class Row
            {
                public float Label;
            }

            class Sample
            {
                void Run(MLContext ml, WebClient client)
                {
                    using (var stream = new FileStream("saved.tsv", FileMode.Create))
                    {
                    }

                    var loaded = ml.Data.LoadFromTextFile<Row>("saved.tsv");
                    client.DownloadFile({|LS2003:"https://archive.example.org/datasets/spam.zip"|}, "spam.zip");
                    ZipFile.ExtractToDirectory("spam.zip", "data/spam");
                    var other = ml.Data.LoadFromTextFile<Row>({|LS2001:"train.tsv"|});
                }
            }
            """).RunAsync();

    [Fact]
    public Task Messages_comparisons_addresses_and_existence_checks_are_not_data_reads() =>
        Verify.Training<DataPathAnalyzer>("""
            using System;
            using System.IO;

            class Listing
            {
                void Run(string file, string dataPath)
                {
                    Console.WriteLine("Saving model to '{0}'", file + ".model.bin");
                    var isTest = Path.GetFileName(file) == "testData.csv";
                    var isCsv = file.EndsWith(".csv", StringComparison.Ordinal);
                    var exists = File.Exists(Path.Combine(dataPath, "train.csv"));
                    Endpoint("/swagger/v1/swagger.json", "API V1");
                    Endpoint({|LS2003:"https://example.com/exports/train.csv"|}, "remote data");
                    Console.WriteLine($"Offers file: {dataPath}");
                    var rows = File.ReadAllLines(dataPath);
                }

                void Load() => Run(file: "report", dataPath: {|LS2001:"data/offers.csv"|});

                static void Endpoint(string url, string name)
                {
                }
            }
            """).RunAsync();

    /// <summary>
    /// The model APIs of Microsoft.ML.OnnxConverter, .OnnxTransformer, .TensorFlow and .TimeSeries that LS2001 looks
    /// for, declared under the names and parameter names of those packages; the tests reference ML.NET's core
    /// package alone.
    /// </summary>
    private const string OnnxTensorFlowAndTimeSeriesSurface = """
        namespace Microsoft.ML
        {
            public static class OnnxExportExtensions
            {
                public static void ConvertToOnnx(this ModelOperationsCatalog catalog, ITransformer transform, IDataView inputData, System.IO.Stream stream)
                {
                }
            }

            public static class OnnxCatalog
            {
                public static IEstimator<ITransformer>? ApplyOnnxModel(this TransformsCatalog catalog, string[] outputColumnNames, string[] inputColumnNames, string modelFile) => null;
            }

            public sealed class TensorFlowModel
            {
            }

            public static class TensorflowCatalog
            {
                public static TensorFlowModel LoadTensorFlowModel(this ModelOperationsCatalog catalog, string modelLocation) => new();
            }
        }

        namespace Microsoft.ML.Transforms.TimeSeries
        {
            public sealed class TimeSeriesPredictionEngine<TSrc, TDst>
                where TSrc : class
                where TDst : class, new()
            {
                public void CheckPoint(Microsoft.ML.Runtime.IHostEnvironment env, string modelPath)
                {
                }
            }
        }
        """;

    /// <summary>
    /// The public surface of Microsoft.Extensions.ML that model registration goes through (namespace, type and
    /// method names as the package declares them). The package is not on the registry these tests restore from.
    /// </summary>
    private const string MicrosoftExtensionsMlSurface = """
        namespace Microsoft.Extensions.ML
        {
            public class PredictionEnginePoolBuilder<TData, TPrediction>
                where TData : class
                where TPrediction : class, new()
            {
            }

            public static class BuilderExtensions
            {
                public static PredictionEnginePoolBuilder<TData, TPrediction> FromFile<TData, TPrediction>(this PredictionEnginePoolBuilder<TData, TPrediction> builder, string filePath)
                    where TData : class
                    where TPrediction : class, new() => builder;

                public static PredictionEnginePoolBuilder<TData, TPrediction> FromFile<TData, TPrediction>(this PredictionEnginePoolBuilder<TData, TPrediction> builder, string modelName, string filePath, bool watchForChanges)
                    where TData : class
                    where TPrediction : class, new() => builder;
            }
        }
        """;
}
