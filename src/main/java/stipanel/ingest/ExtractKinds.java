package stipanel.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every {@link ExtractKind} component of the application, made as the job's context makes them, for the commands that
 * read files without the job ({@code inspect}, the benchmarks).
 */
public final class ExtractKinds {

    private ExtractKinds() {
    }

    public static List<ExtractKind> all(KindDefinitions definitions) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ExtractKind.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition d : scanner.findCandidateComponents("stipanel")) {
            try {
                classes.add(Class.forName(d.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(KindDefinitions.class, () -> definitions);
            classes.forEach(context::register);
            context.refresh();
            return List.copyOf(context.getBeansOfType(ExtractKind.class).values());
        }
    }
}
