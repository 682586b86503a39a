package dev.unmanaged.vsphere;

import dev.unmanaged.vsphere.soap.SoapFault;
import dev.unmanaged.vsphere.soap.SoapRequest;
import dev.unmanaged.vsphere.soap.SoapRequest.PropertyPaths;
import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import dev.unmanaged.vsphere.vim.MethodFault;
import dev.unmanaged.vsphere.vim.ObjectContent;
import dev.unmanaged.vsphere.vim.Responses;
import dev.unmanaged.vsphere.vim.RetrieveResult;
import dev.unmanaged.vsphere.vim.ServiceContent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads properties of every object of some types under a container in as few round trips as the server allows:
 * one container view, then {@code RetrievePropertiesEx} and {@code ContinueRetrievePropertiesEx} pages of up to
 * {@code maxObjects} objects each, then the view is destroyed. Properties of objects already known are read without
 * a view.
 */
final class PropertyRetrieval {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyRetrieval.class);

    private final int maxObjects;

    PropertyRetrieval(int maxObjects) {
        this.maxObjects = maxObjects;
    }

    /** The objects of {@code viewTypes} under {@code container}, with the {@code paths} of each type. */
    List<ObjectContent> retrieve(VsphereSession session, ManagedObjectReference container, List<String> viewTypes,
                                 List<PropertyPaths> paths) {
        ServiceContent content = session.content();
        ManagedObjectReference view = session.call(
                SoapRequest.createContainerView(content.viewManager, container, viewTypes),
                Responses.ReferenceResponse.class).returnval;
        try {
            return pages(session, SoapRequest.retrievePropertiesEx(content.propertyCollector, view, paths,
                    maxObjects), viewTypes);
        } finally {
            destroy(session, view);
        }
    }

    /** The {@code paths} of {@code objects}, known by reference: no view is needed. */
    List<ObjectContent> retrieve(VsphereSession session, List<ManagedObjectReference> objects,
                                 List<PropertyPaths> paths) {
        if (objects.isEmpty()) {
            return List.of();
        }
        return pages(session, SoapRequest.retrievePropertiesEx(session.content().propertyCollector, objects, paths,
                maxObjects), objects.size() + " known objects");
    }

    private List<ObjectContent> pages(VsphereSession session, SoapRequest first, Object what) {
        ManagedObjectReference collector = session.content().propertyCollector;
        List<ObjectContent> objects = new ArrayList<>();
        int pages = 1;
        RetrieveResult page = session.call(first, Responses.RetrievePropertiesResponse.class).returnval;
        while (page != null) {
            for (ObjectContent object : page.objects) {
                requireAuthenticated(object);
                objects.add(object);
            }
            if (page.token == null || page.token.isBlank()) {
                break;
            }
            page = session.call(SoapRequest.continueRetrievePropertiesEx(collector, page.token),
                    Responses.RetrievePropertiesResponse.class).returnval;
            pages++;
        }
        LOG.debug("read {} objects of {} in {} pages", objects.size(), what, pages);
        return objects;
    }

    /** Some servers report an expired session per property instead of as a fault. */
    private static void requireAuthenticated(ObjectContent object) {
        for (ObjectContent.MissingProperty missing : object.missing) {
            if (missing.fault != null && missing.fault.fault instanceof MethodFault.NotAuthenticated) {
                throw SoapFault.notAuthenticated("RetrievePropertiesEx");
            }
        }
    }

    private static void destroy(VsphereSession session, ManagedObjectReference view) {
        try {
            session.call(SoapRequest.destroyView(view), Responses.EmptyResponse.class);
        } catch (RuntimeException e) {
            // The view dies with the session anyway; a failure here must not hide the listing's own outcome.
            LOG.debug("destroying a container view failed", e);
        }
    }
}
