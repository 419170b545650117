package com.lambdarelease.ui.common;

import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.PreconditionFailedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes reach the operator in plain words, each kind of failure with its own headline and AWS's message. */
class ToastNotifierTest {

    @Test
    void aFailureNamesWhatFailedTheKindAndAwsWords() {
        ToastNotifier toasts = new ToastNotifier();
        toasts.failure("Updating alias prod", new CompletionException(new PreconditionFailedException(
                "PreconditionFailedException", 412, "The Revision Id provided does not match the latest Revision Id.", null)));
        Toast t = toasts.toasts().get(0);
        assertThat(t.kind()).isEqualTo(Toast.Kind.FAILURE);
        assertThat(t.title()).isEqualTo("Changed by someone else");
        assertThat(t.message()).isEqualTo("Updating alias prod: Someone else changed this since you loaded it: "
                + "The Revision Id provided does not match the latest Revision Id.");
        assertThat(toasts.lastMessageProperty().get()).isEqualTo(t.message());
    }

    @Test
    void onlyTheNewestFewStayOnScreen() {
        ToastNotifier toasts = new ToastNotifier();
        for (int i = 1; i <= 6; i++) {
            toasts.success("done " + i);
        }
        assertThat(toasts.toasts()).extracting(Toast::message).containsExactly("done 3", "done 4", "done 5", "done 6");
    }

    @Test
    void headlinesAreTyped() {
        assertThat(ErrorText.headline(new NotFoundException("ResourceNotFoundException", 404, "Function not found", null)))
                .isEqualTo("Not found");
        assertThat(ErrorText.awsWords(new NotFoundException("ResourceNotFoundException", 404, "Function not found", null)))
                .isEqualTo("ResourceNotFoundException: Function not found");
    }
}
