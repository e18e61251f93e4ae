package io.transferbench.report;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report templates ({@code *.ftlh}). The {@code .ftlh} extension selects Freemarker's
 * HTML output format, so every {@code ${...}} is HTML-escaped unless a template says otherwise;
 * the only place one does is the chart JSON, which {@link ScriptJson} has made safe for a script
 * element. A template error is a bug and fails loudly instead of printing half a page.
 */
final class PageRenderer {

    private static final String TEMPLATES = "/io/transferbench/report/templates";

    private final Configuration freemarker;

    PageRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(PageRenderer.class, TEMPLATES);
        freemarker.setDefaultEncoding("UTF-8");
        // Numbers reach templates preformatted (Formats); the few raw counts print the same on every locale.
        freemarker.setNumberFormat("computer");
        freemarker.setLocale(Locale.ROOT);
        freemarker.setRecognizeStandardFileExtensions(true);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // Page models are records: let templates write page.title for page.title().
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        freemarker.setObjectWrapper(wrapper.build());
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    /** The page {@code template} shows for {@code page} (available to the template as {@code page}). */
    String render(String template, Object page) {
        try {
            Template t = freemarker.getTemplate(template);
            StringWriter out = new StringWriter(64 * 1024);
            t.process(Map.of("page", page), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + template + ": " + e.getMessage(), e);
        }
    }
}
