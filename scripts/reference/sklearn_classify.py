"""What scikit-learn's trees, forests and logistic regression give on the classification inputs.

Reads test/reference/data/classify/classify_inputs_<case>.json (written by
scripts/reference/classifyInputs.ts: the very rows, features, labels and split SegmentLens uses)
and writes test/reference/data/classify/classify_<case>.json, which `npm run test:reference`
compares SegmentLens against. Regenerate (needs scikit-learn: apt-get install python3-sklearn):

    npx tsx scripts/reference/classifyInputs.ts ../shared
    /usr/bin/python3 scripts/reference/sklearn_classify.py

Explain cases (mall_customers, iris): DecisionTreeClassifier(max_depth=depth,
min_samples_leaf=m, random_state=0) fitted on the training rows, predicting the segment from the
features in their own units; its nodes, its predictions on every row, and classification_report
(every segment listed, zero_division=0) and the confusion matrix on the test rows and on all rows.

Predict cases (marketing_campaign Response, iris species), all fitted on the training rows:
- make_pipeline(StandardScaler(), LogisticRegression(C=1.0)). LogisticRegression's default
  solver (lbfgs) stops on a relative decrease of 64 machine epsilons, far from the optimum's last
  digits, so the model is fitted with solver="newton-cg" (same objective, same optimum),
  tol=1e-12 and max_iter=100000; lbfgs with tol=1e-12 is fitted too, and of the two the one whose
  objective gradient is smaller is the reference (its gradient is written down).
- DecisionTreeClassifier(max_depth=5, random_state=0).
- RandomForestClassifier(n_estimators=100, random_state=0) (binary targets only).
Each with accuracy, precision, recall and F1 (binary: of class 1; else macro), ROC AUC and the ROC
curve (binary), classification_report, confusion matrix and feature importances on the test rows.
"""
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "data", "classify")
EXPLAIN_CASES = ["mall_customers", "iris"]
PREDICT_CASES = ["marketing_campaign", "iris_species"]


def load(name):
    with open(os.path.join(DATA, f"classify_inputs_{name}.json")) as f:
        case = json.load(f)
    X = np.array(case["matrix"], dtype=float).reshape(case["n"], case["d"])
    return case, X


def tree_nodes(model):
    tree = model.tree_
    return {
        "feature": tree.feature.tolist(),
        "threshold": tree.threshold.tolist(),
        "left": tree.children_left.tolist(),
        "right": tree.children_right.tolist(),
        "rows": tree.n_node_samples.tolist(),
        "counts": tree.value[:, 0, :].tolist(),
        "impurity": tree.impurity.tolist(),
    }


def report(y_true, y_pred, classes):
    labels = list(range(classes))
    return {
        "report": classification_report(
            y_true, y_pred, labels=labels, output_dict=True, zero_division=0
        ),
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "accuracy": accuracy_score(y_true, y_pred),
    }


def explain(name):
    case, X = load(name)
    y = np.array(case["labels"])
    train, test = np.array(case["train"]), np.array(case["test"])
    model = DecisionTreeClassifier(
        max_depth=case["depth"], min_samples_leaf=case["minRowsPerLeaf"], random_state=0
    ).fit(X[train], y[train])
    predicted = model.predict(X)
    return {
        "tree": tree_nodes(model),
        "predicted": predicted.tolist(),
        "train": report(y[train], predicted[train], case["k"]),
        "test": report(y[test], predicted[test], case["k"]),
        "all": report(y, predicted, case["k"]),
    }


def logistic_gradient(pipeline, X, y, classes, C):
    """The largest component of the gradient of scikit-learn's objective at its solution."""
    Z = pipeline[0].transform(X)
    model = pipeline[-1]
    m = len(y)
    if classes == 2:
        p = 1 / (1 + np.exp(-(Z @ model.coef_[0] + model.intercept_[0])))
        gw = Z.T @ (p - y) + model.coef_[0] / C
        gb = np.sum(p - y)
    else:
        scores = Z @ model.coef_.T + model.intercept_
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        Y = np.eye(classes)[y]
        gw = (Z.T @ (p - Y)).T + model.coef_ / C
        gb = np.sum(p - Y, axis=0)
    return float(max(np.max(np.abs(gw)), np.max(np.abs(gb))) / m)


def model_figures(model, X, y, test, classes, importances):
    proba = model.predict_proba(X[test])
    predicted = model.predict(X[test])
    figures = report(y[test], predicted, classes)
    average = "binary" if classes == 2 else "macro"
    figures.update(
        precision=precision_score(y[test], predicted, average=average, zero_division=0),
        recall=recall_score(y[test], predicted, average=average, zero_division=0),
        f1=f1_score(y[test], predicted, average=average, zero_division=0),
        predicted=predicted.tolist(),
        probabilities=proba.tolist(),
        importances=list(map(float, importances)),
    )
    if classes == 2:
        fpr, tpr, thresholds = roc_curve(y[test], proba[:, 1])
        figures.update(
            roc_auc=roc_auc_score(y[test], proba[:, 1]),
            roc={"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thresholds.tolist()},
        )
    return figures


def predict(name):
    case, X = load(name)
    y = np.array(case["y"])
    classes = len(case["classes"])
    train, test = np.array(case["train"]), np.array(case["test"])
    fits = []
    for solver in ["newton-cg", "lbfgs"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipeline = make_pipeline(
                StandardScaler(), LogisticRegression(C=1.0, solver=solver, tol=1e-12, max_iter=100000)
            ).fit(X[train], y[train])
        fits.append((logistic_gradient(pipeline, X[train], y[train], classes, 1.0), solver, pipeline))
    gradient, solver, pipeline = min(fits, key=lambda fit: fit[0])
    logistic = pipeline[-1]
    importances = np.abs(logistic.coef_).sum(axis=0)
    logistic_result = model_figures(pipeline, X, y, test, classes, importances / importances.sum())
    logistic_result.update(
        solver=solver,
        gradient=gradient,
        gradients={fit[1]: fit[0] for fit in fits},
        coef=logistic.coef_.tolist(),
        intercept=logistic.intercept_.tolist(),
        mean=pipeline[0].mean_.tolist(),
        scale=pipeline[0].scale_.tolist(),
    )
    tree = DecisionTreeClassifier(max_depth=5, random_state=0).fit(X[train], y[train])
    tree_result = model_figures(tree, X, y, test, classes, tree.feature_importances_)
    tree_result["tree"] = tree_nodes(tree)
    result = {"logistic": logistic_result, "tree": tree_result}
    if classes == 2:
        forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(X[train], y[train])
        figures = model_figures(forest, X, y, test, classes, forest.feature_importances_)
        result["forest"] = {
            key: figures[key] for key in ["accuracy", "precision", "recall", "f1", "roc_auc", "importances"]
        }
    return result


def main():
    for name in EXPLAIN_CASES + PREDICT_CASES:
        result = explain(name) if name in EXPLAIN_CASES else predict(name)
        result.update(
            case=name,
            generated_by="scripts/reference/sklearn_classify.py",
            sklearn=sklearn.__version__,
        )
        path = os.path.join(DATA, f"classify_{name}.json")
        with open(path, "w") as out:
            json.dump(result, out, separators=(",", ":"))
        print(f"wrote test/reference/data/classify/classify_{name}.json")


if __name__ == "__main__":
    main()
