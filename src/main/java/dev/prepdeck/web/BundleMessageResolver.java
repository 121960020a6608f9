package dev.prepdeck.web;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/** Answers templates' {@code #{key}} from {@link Messages}, in the language the page is rendered in. */
final class BundleMessageResolver implements IMessageResolver {
    @Override
    public String getName() {
        return "prepdeck-messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        String pattern = Messages.pattern(context.getLocale(), key);
        return pattern == null ? null : Messages.format(context.getLocale(), pattern, messageParameters);
    }

    /** Thymeleaf's own "??key_locale??" marker: visible on the page and caught by the bundle tests. */
    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return "??" + key + "_" + context.getLocale() + "??";
    }
}
