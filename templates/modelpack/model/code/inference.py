"""SageMaker PyTorch inference handler for the sample linear classifier.

SageMaker extracts model.tar.gz into /opt/ml/model and imports code/inference.py from there.
"""
import json
import os

import torch
from safetensors.torch import load_file


def model_fn(model_dir):
    with open(os.path.join(model_dir, "config.json")) as f:
        config = json.load(f)
    model = torch.nn.Linear(config["in_features"], config["out_features"])
    model.load_state_dict({k.removeprefix("linear."): v for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()})
    model.eval()
    return {"model": model, "labels": config["labels"]}


def input_fn(body, content_type):
    if content_type != "application/json":
        raise ValueError(f"unsupported content type {content_type}")
    return torch.tensor(json.loads(body)["inputs"], dtype=torch.float32)


def predict_fn(data, bundle):
    with torch.no_grad():
        scores = bundle["model"](data)
    return [bundle["labels"][i] for i in scores.argmax(dim=-1).tolist()]


def output_fn(prediction, accept):
    return json.dumps({"labels": prediction})
