using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Layouts whose only top-level entry is a folder and which a serving container nevertheless reads correctly, so the
/// generic "everything inside one folder" warning (MPK3004) must stay quiet for them. Each case cites the container.
/// </summary>
internal static class AcceptedWrapper
{
    /// <returns>Why the container accepts the folder as it is, or null when no profile does.</returns>
    public static string? Reason(VirtualNode folder)
    {
        var children = folder.Children!;

        // Hugging Face / LMI with HF_MODEL_ID: the archive only carries the handler; the weights come from the Hub.
        if (folder.Name == "code")
        {
            return "a code/-only archive (the model comes from the environment's model id)";
        }

        // Triton: /opt/ml/model is the model repository (`tritonserver --model-repository=/opt/ml/model`,
        // triton-inference-server/server docker/sagemaker/serve), so a model is `<name>/config.pbtxt`.
        if (ContainerMarkers.In(folder, ContainerMarkers.TritonConfig) is not null)
        {
            return $"a Triton model repository ({folder.Name}/config.pbtxt)";
        }

        // LMI / DJL Serving: a model folder with serving.properties under the model store
        // (deepjavalibrary/djl-serving, serving/docker/dockerd-entrypoint.sh serves /opt/ml/model).
        if (ContainerMarkers.In(folder, ContainerMarkers.ServingProperties) is not null)
        {
            return $"an LMI/DJL model ({folder.Name}/serving.properties)";
        }

        // TensorFlow Serving: the container globs /opt/ml/model/**/saved_model.pb and takes the folder above the
        // all-digits version folder as the model (aws/sagemaker-tensorflow-serving-container
        // docker/build_artifacts/sagemaker/tfs_utils.py, find_models); the SDK's test model is tfs-test-model/00000123/.
        // find_models also takes /opt/ml/model/1/saved_model.pb, the model being /opt/ml/model itself.
        if (TensorFlowLayout.IsVersionFolder(folder) || children.Values.Any(c => c.IsDirectory && TensorFlowLayout.IsVersionFolder(c)))
        {
            return $"a TensorFlow Serving model ({folder.Name}/<version>/saved_model.pb)";
        }

        return null;
    }
}
