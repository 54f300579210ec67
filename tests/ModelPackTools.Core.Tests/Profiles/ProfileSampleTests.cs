using ModelPackTools.Core.Tests.Content;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Profiles;

/// <summary>
/// A correct sample layout per profile, written as real files and checked as a model.tar.gz with every content
/// scanner on: no finding at all, so neither a layout rule nor a rule that reads bytes warns about a right layout.
/// The wrapper-folder samples (TensorFlow Serving, Triton, LMI) also show MPK3004 staying quiet.
/// </summary>
public sealed class ProfileSampleTests : IDisposable
{
    private const string TextConfig = """{"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":32000}""";

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void PyTorch_sample_is_clean()
    {
        this.Bytes("model.pt", ZipBuilder.Torch(ModelFiles.TorchStateDict, "0").Build());
        this.temp.Write("m/code/inference.py", "def model_fn(model_dir): pass\n");
        this.temp.Write("m/code/requirements.txt", "transformers==4.44.0\n");

        AssertClean(this.Check("pytorch"), "pytorch");
    }

    [Fact]
    public void TensorFlow_Serving_sample_as_the_SDK_test_model_is_clean_and_inferred()
    {
        this.temp.Write("m/tfs-test-model/00000123/saved_model.pb", "graph");
        this.temp.Write("m/tfs-test-model/00000123/variables/variables.data-00000-of-00001", "data");
        this.temp.Write("m/tfs-test-model/00000123/variables/variables.index", "index");

        AssertClean(this.Check("auto"), "tensorflow-serving");
    }

    [Fact]
    public void Single_model_Triton_sample_is_clean_and_inferred()
    {
        this.temp.Write("m/resnet/config.pbtxt", "name: \"resnet\"\nbackend: \"python\"\nmax_batch_size: 8\n");
        this.temp.Write("m/resnet/1/model.py", "class TritonPythonModel:\n    pass\n");

        AssertClean(this.Check("auto"), "triton");
    }

    [Fact]
    public void Hugging_Face_save_pretrained_sample_is_clean_and_inferred()
    {
        this.WriteTransformersFolder("m/");

        AssertClean(this.Check("auto"), "huggingface");
    }

    [Fact]
    public void LMI_model_folder_sample_is_clean_and_inferred()
    {
        this.temp.Write("m/llama/serving.properties", "engine=Python\noption.rolling_batch=vllm\noption.tensor_parallel_degree=max\n");
        this.WriteTransformersFolder("m/llama/");

        AssertClean(this.Check("auto"), "huggingface");
    }

    [Fact]
    public void Code_only_sample_with_a_Hub_model_id_is_clean()
    {
        this.temp.Write("m/code/inference.py", "def model_fn(model_dir): pass\n");
        this.temp.Write("m/code/requirements.txt", "accelerate\n");

        AssertClean(this.Check("auto", "HF_MODEL_ID=meta-llama/Llama-3.1-8B-Instruct", "HF_TASK=text-generation"), "huggingface");
    }

    [Fact]
    public void XGBoost_sample_is_clean()
    {
        this.temp.Write("m/xgboost-model", """{"learner":{"attributes":{}},"version":[1,7,6]}""");

        AssertClean(this.Check("xgboost"), "xgboost");
    }

    [Fact]
    public void ScikitLearn_sample_is_clean()
    {
        this.Bytes("model.joblib", PickleBuilder.Proto(2).EmptyDict().Stop());
        this.temp.Write("m/code/inference.py", "def model_fn(model_dir): pass\n");

        AssertClean(this.Check("sklearn", "SAGEMAKER_PROGRAM=inference.py", "SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/model/code"), "sklearn");
    }

    private void WriteTransformersFolder(string folder)
    {
        this.temp.Write(folder + "config.json", TextConfig);
        this.Bytes(folder[2..] + "model.safetensors", ModelFiles.Safetensors("""{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 4));
        this.temp.Write(folder + "tokenizer.json", """{"version":"1.0","model":{"type":"BPE"}}""");
        this.temp.Write(folder + "tokenizer_config.json", "{}");
    }

    private void Bytes(string path, byte[] data)
    {
        var full = this.temp.Combine("m/" + path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, data);
    }

    private static void AssertClean(ExtractionReport report, string profile)
    {
        Assert.Empty(report.Diagnostics);
        Assert.Equal(profile, report.Profile);
    }

    private ExtractionReport Check(string profile, params string[] environment) =>
        ModelChecker.Check(this.temp.Combine("m"), SettingsParser.Parse(new SettingsText { Mode = "s3object-gzip", Profile = profile, Environment = environment.Length == 0 ? null : environment })).Report;
}
