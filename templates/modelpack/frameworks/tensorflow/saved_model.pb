placeholder: replace with your SavedModel (saved_model.pb and variables/)
