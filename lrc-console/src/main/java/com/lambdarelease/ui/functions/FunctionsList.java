package com.lambdarelease.ui.functions;

import com.lambdarelease.ui.common.UiContext;

/**
 * The functions list's model and view together. Built before a connection is open when the
 * console starts on a cached list, then handed to the connection's workspace, so the rows the
 * operator already sees (and any selection or scroll) are the ones the listing updates.
 */
public record FunctionsList(FunctionsViewModel model, FunctionsView view) {

    public static FunctionsList create(UiContext ui) {
        FunctionsViewModel model = new FunctionsViewModel(ui);
        return new FunctionsList(model, new FunctionsView(model));
    }
}
